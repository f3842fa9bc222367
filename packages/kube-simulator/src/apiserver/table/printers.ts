/*
 * Server-side printing columns of the built-in types (pkg/printers/internalversion), the ones
 * `kubectl get` shows. Each printer gives column definitions and the cells of one object.
 */
import type { KubeObject } from '../../types';
import { formatLabelSelectorObject } from '../labelSelector';
import { ageOf } from './humanDuration';

type Json = Record<string, any>;

/** metav1.TableColumnDefinition */
export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A printer for one group/resource. */
export interface Printer {
  columns: ColumnDefinition[];
  cells(obj: KubeObject, now: Date): unknown[];
}

function col(name: string, type = 'string', priority = 0, format = ''): ColumnDefinition {
  return { name, type, format, description: `${name} of the object`, priority };
}

const NAME = col('Name', 'string', 0, 'name');
const AGE = col('Age');
const s = (o: KubeObject) => (o.spec ?? {}) as Json;
const st = (o: KubeObject) => (o.status ?? {}) as Json;
const age = (o: KubeObject, now: Date) => ageOf(o.metadata.creationTimestamp, now);
const none = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : v);

function podStatus(pod: KubeObject): string {
  const status = st(pod);
  let reason: string = status.reason || status.phase || 'Unknown';
  for (const c of (status.containerStatuses ?? []) as Json[]) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason && reason === 'Running') reason = c.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function servicePorts(svc: KubeObject): string {
  const ports = (s(svc).ports ?? []) as Json[];
  if (ports.length === 0) return '<none>';
  return ports.map(p => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIP(svc: KubeObject): string {
  const spec = s(svc);
  if (spec.type === 'ExternalName') return spec.externalName ?? '<none>';
  const ingress = (st(svc).loadBalancer?.ingress ?? []) as Json[];
  const ips = [...(spec.externalIPs ?? []), ...ingress.map(i => i.ip ?? i.hostname)];
  if (ips.length) return ips.join(',');
  return spec.type === 'LoadBalancer' ? '<pending>' : '<none>';
}

function nodeStatus(node: KubeObject): string {
  const ready = ((st(node).conditions ?? []) as Json[]).find(c => c.type === 'Ready');
  let text = 'Unknown';
  if (ready) text = ready.status === 'True' ? 'Ready' : 'NotReady';
  if (s(node).unschedulable) text += ',SchedulingDisabled';
  return text;
}

function nodeRoles(node: KubeObject): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter(k => k.startsWith('node-role.kubernetes.io/'))
    .map(k => k.slice('node-role.kubernetes.io/'.length));
  return roles.length ? roles.sort().join(',') : '<none>';
}

function jobStatus(job: KubeObject): string {
  const conditions = (st(job).conditions ?? []) as Json[];
  const has = (t: string) => conditions.some(c => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (s(job).suspend) return 'Suspended';
  return 'Running';
}

function quotaSummary(quota: KubeObject, limits: boolean): string {
  const hard = (st(quota).hard ?? s(quota).hard ?? {}) as Json;
  const used = (st(quota).used ?? {}) as Json;
  return Object.keys(hard)
    .filter(k => k.startsWith('limits.') === limits)
    .sort()
    .map(k => `${k}: ${used[k] ?? '0'}/${hard[k]}`)
    .join(', ');
}

/** Printers by group/resource. */
export const PRINTERS: Record<string, Printer> = {
  '/pods': {
    columns: [NAME, col('Ready'), col('Status'), col('Restarts'), AGE, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    cells: (p, now) => {
      const statuses = (st(p).containerStatuses ?? []) as Json[];
      const total = ((s(p).containers ?? []) as Json[]).length;
      const ready = statuses.filter(c => c.ready).length;
      const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
      return [p.metadata.name, `${ready}/${total}`, podStatus(p), String(restarts), age(p, now), none(st(p).podIP), none(s(p).nodeName), none(st(p).nominatedNodeName), '<none>'];
    },
  },
  '/namespaces': { columns: [NAME, col('Status'), AGE], cells: (n, now) => [n.metadata.name, st(n).phase ?? 'Active', age(n, now)] },
  '/nodes': {
    columns: [NAME, col('Status'), col('Roles'), AGE, col('Version'), col('Internal-IP', 'string', 1), col('OS-Image', 'string', 1)],
    cells: (n, now) => {
      const info = st(n).nodeInfo ?? {};
      const ip = ((st(n).addresses ?? []) as Json[]).find(a => a.type === 'InternalIP')?.address;
      return [n.metadata.name, nodeStatus(n), nodeRoles(n), age(n, now), info.kubeletVersion ?? '', none(ip), none(info.osImage)];
    },
  },
  '/services': {
    columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 'string', 1)],
    cells: (svc, now) => [
      svc.metadata.name,
      s(svc).type ?? 'ClusterIP',
      s(svc).clusterIP ?? '<none>',
      externalIP(svc),
      servicePorts(svc),
      age(svc, now),
      s(svc).selector ? Object.entries(s(svc).selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>',
    ],
  },
  '/configmaps': { columns: [NAME, col('Data', 'integer'), AGE], cells: (c, now) => [c.metadata.name, Object.keys({ ...(c.data ?? {}), ...(c.binaryData ?? {}) }).length, age(c, now)] },
  '/secrets': { columns: [NAME, col('Type'), col('Data', 'integer'), AGE], cells: (c, now) => [c.metadata.name, c.type ?? 'Opaque', Object.keys(c.data ?? {}).length, age(c, now)] },
  '/serviceaccounts': { columns: [NAME, col('Secrets', 'integer'), AGE], cells: (c, now) => [c.metadata.name, ((c.secrets ?? []) as unknown[]).length, age(c, now)] },
  '/events': {
    columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Message')],
    cells: (e, now) => {
      const involved = (e.involvedObject ?? {}) as Json;
      return [ageOf(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp, now), e.type ?? '', e.reason ?? '', `${String(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`, e.message ?? ''];
    },
  },
  '/resourcequotas': {
    columns: [NAME, AGE, col('Request'), col('Limit')],
    cells: (q, now) => [q.metadata.name, age(q, now), quotaSummary(q, false), quotaSummary(q, true)],
  },
  '/limitranges': { columns: [NAME, col('Created At', 'date')], cells: l => [l.metadata.name, l.metadata.creationTimestamp] },
  '/persistentvolumeclaims': {
    columns: [NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), AGE],
    cells: (c, now) => [c.metadata.name, st(c).phase ?? 'Pending', s(c).volumeName ?? '', st(c).capacity?.storage ?? '', ((st(c).accessModes ?? s(c).accessModes ?? []) as string[]).map(m => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Json)[m] ?? m).join(','), s(c).storageClassName ?? '<unset>', age(c, now)],
  },
  'apps/deployments': {
    columns: [NAME, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), AGE, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    cells: (d, now) => {
      const containers = (s(d).template?.spec?.containers ?? []) as Json[];
      return [d.metadata.name, `${st(d).readyReplicas ?? 0}/${s(d).replicas ?? 0}`, st(d).updatedReplicas ?? 0, st(d).availableReplicas ?? 0, age(d, now), containers.map(c => c.name).join(','), containers.map(c => c.image).join(','), formatLabelSelectorObject(s(d).selector)];
    },
  },
  'apps/replicasets': {
    columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE],
    cells: (r, now) => [r.metadata.name, s(r).replicas ?? 0, st(r).replicas ?? 0, st(r).readyReplicas ?? 0, age(r, now)],
  },
  'apps/statefulsets': {
    columns: [NAME, col('Ready'), AGE],
    cells: (r, now) => [r.metadata.name, `${st(r).readyReplicas ?? 0}/${s(r).replicas ?? 0}`, age(r, now)],
  },
  'apps/daemonsets': {
    columns: [NAME, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'), col('Available', 'integer'), col('Node Selector'), AGE],
    cells: (r, now) => {
      const status = st(r);
      const selector = s(r).template?.spec?.nodeSelector;
      return [r.metadata.name, status.desiredNumberScheduled ?? 0, status.currentNumberScheduled ?? 0, status.numberReady ?? 0, status.updatedNumberScheduled ?? 0, status.numberAvailable ?? 0, selector ? Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>', age(r, now)];
    },
  },
  'batch/jobs': {
    columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE],
    cells: (j, now) => {
      const status = st(j);
      const end = status.completionTime ? new Date(status.completionTime) : now;
      return [j.metadata.name, jobStatus(j), `${status.succeeded ?? 0}/${s(j).completions ?? 1}`, status.startTime ? ageOf(status.startTime, end) : '', age(j, now)];
    },
  },
  'batch/cronjobs': {
    columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend', 'boolean'), col('Active', 'integer'), col('Last Schedule'), AGE],
    cells: (c, now) => [c.metadata.name, s(c).schedule, s(c).timeZone ?? '<none>', !!s(c).suspend, ((st(c).active ?? []) as unknown[]).length, st(c).lastScheduleTime ? ageOf(st(c).lastScheduleTime, now) : '<none>', age(c, now)],
  },
  'networking.k8s.io/ingresses': {
    columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
    cells: (i, now) => {
      const hosts = ((s(i).rules ?? []) as Json[]).map(r => r.host).filter(Boolean);
      const address = ((st(i).loadBalancer?.ingress ?? []) as Json[]).map(x => x.ip ?? x.hostname).join(',');
      return [i.metadata.name, s(i).ingressClassName ?? '<none>', hosts.length ? hosts.join(',') : '*', address, s(i).tls ? '80, 443' : '80', age(i, now)];
    },
  },
  'networking.k8s.io/networkpolicies': {
    columns: [NAME, col('Pod-Selector'), AGE],
    cells: (n, now) => [n.metadata.name, formatLabelSelectorObject(s(n).podSelector) === '<none>' ? '<none>' : formatLabelSelectorObject(s(n).podSelector), age(n, now)],
  },
  'policy/poddisruptionbudgets': {
    columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions', 'integer'), AGE],
    cells: (p, now) => [p.metadata.name, s(p).minAvailable ?? 'N/A', s(p).maxUnavailable ?? 'N/A', st(p).disruptionsAllowed ?? 0, age(p, now)],
  },
  'autoscaling/horizontalpodautoscalers': {
    columns: [NAME, col('Reference'), col('Targets'), col('MinPods', 'integer'), col('MaxPods', 'integer'), col('Replicas', 'integer'), AGE],
    cells: (h, now) => [h.metadata.name, `${s(h).scaleTargetRef?.kind}/${s(h).scaleTargetRef?.name}`, '<unknown>', s(h).minReplicas ?? 1, s(h).maxReplicas, st(h).currentReplicas ?? 0, age(h, now)],
  },
  'storage.k8s.io/storageclasses': {
    columns: [NAME, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion', 'boolean'), AGE],
    cells: (c, now) => {
      const isDefault = c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return [`${c.metadata.name}${isDefault ? ' (default)' : ''}`, c.provisioner, c.reclaimPolicy ?? 'Delete', c.volumeBindingMode ?? 'Immediate', !!c.allowVolumeExpansion, age(c, now)];
    },
  },
  'apiextensions.k8s.io/customresourcedefinitions': {
    columns: [NAME, col('Created At', 'date')],
    cells: c => [c.metadata.name, c.metadata.creationTimestamp],
  },
  'rbac.authorization.k8s.io/rolebindings': {
    columns: [NAME, col('Role'), AGE, col('Users', 'string', 1), col('Groups', 'string', 1), col('ServiceAccounts', 'string', 1)],
    cells: (b, now) => {
      const subjects = (b.subjects ?? []) as Json[];
      const of = (k: string) => subjects.filter(x => x.kind === k).map(x => (k === 'ServiceAccount' ? `${x.namespace ?? b.metadata.namespace}/${x.name}` : x.name)).join(', ');
      return [b.metadata.name, `${(b.roleRef as Json)?.kind}/${(b.roleRef as Json)?.name}`, age(b, now), of('User'), of('Group'), of('ServiceAccount')];
    },
  },
};
PRINTERS['rbac.authorization.k8s.io/clusterrolebindings'] = PRINTERS['rbac.authorization.k8s.io/rolebindings'];

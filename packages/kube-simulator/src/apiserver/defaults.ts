/*
 * API defaulting: the fields the real API server fills in on decode (SetDefaults_*) plus the
 * allocations its registries make (Service cluster IPs and node ports). Applied to create and
 * update bodies before admission, so admission and quota see the defaulted object.
 */
import type { KubeObject, ResourceType } from '../types';

type Json = Record<string, any>;

/** Cluster-wide allocators the defaulting needs. */
export interface DefaultingContext {
  allocateClusterIP(): string;
  allocateNodePort(): number;
}

function setIfAbsent(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined) obj[key] = value;
}

function defaultContainer(c: Json): void {
  if (!c || typeof c !== 'object') return;
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  const image = typeof c.image === 'string' ? c.image : '';
  const tagged = /:[^/]+$/.test(image) && !image.endsWith(':latest');
  setIfAbsent(c, 'imagePullPolicy', tagged || image.includes('@') ? 'IfNotPresent' : 'Always');
  setIfAbsent(c, 'resources', {});
  // SetDefaults_Pod: a container with a limit but no request gets request = limit.
  const limits = c.resources.limits as Json | undefined;
  if (limits) {
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(limits)) setIfAbsent(c.resources.requests, k, v);
  }
  for (const p of (c.ports ?? []) as Json[]) if (p && typeof p === 'object') setIfAbsent(p, 'protocol', 'TCP');
}

/** Defaults a PodSpec in place. */
export function defaultPodSpec(spec: Json | undefined): void {
  if (!spec || typeof spec !== 'object') return;
  setIfAbsent(spec, 'restartPolicy', 'Always');
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(spec, 'securityContext', {});
  if (spec.serviceAccountName === undefined && spec.serviceAccount !== undefined) spec.serviceAccountName = spec.serviceAccount;
  if (Array.isArray(spec.containers)) spec.containers.forEach(defaultContainer);
  if (Array.isArray(spec.initContainers)) spec.initContainers.forEach(defaultContainer);
}

/** The QoS class of a pod (status.qosClass). */
export function qosClassOf(spec: Json | undefined): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...((spec?.containers ?? []) as Json[]), ...((spec?.initContainers ?? []) as Json[])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const requests = (c?.resources?.requests ?? {}) as Json;
    const limits = (c?.resources?.limits ?? {}) as Json;
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined || (requests[r] !== undefined && String(requests[r]) !== String(limits[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultTemplate(spec: Json | undefined): void {
  if (spec?.template) defaultPodSpec(spec.template.spec);
}

function defaultPod(obj: Json, old: Json | undefined): void {
  defaultPodSpec(obj.spec);
  if (!old && obj.spec) {
    obj.spec.serviceAccountName ??= 'default';
    obj.spec.priority ??= 0;
    obj.spec.enableServiceLinks ??= true;
  }
}

function defaultService(obj: Json, old: Json | undefined, ctx: DefaultingContext): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'type', 'ClusterIP');
  setIfAbsent(spec, 'sessionAffinity', 'None');
  if (spec.type !== 'ExternalName') {
    // Cluster IPs are immutable and carried forward when an update omits them.
    if (!spec.clusterIP) spec.clusterIP = old?.spec?.clusterIP ?? ctx.allocateClusterIP();
    spec.clusterIPs ??= spec.clusterIP === 'None' ? ['None'] : [spec.clusterIP];
    setIfAbsent(spec, 'ipFamilies', ['IPv4']);
    setIfAbsent(spec, 'ipFamilyPolicy', 'SingleStack');
    setIfAbsent(spec, 'internalTrafficPolicy', 'Cluster');
  }
  const oldPorts = (old?.spec?.ports ?? []) as Json[];
  for (const p of (spec.ports ?? []) as Json[]) {
    if (!p || typeof p !== 'object') continue;
    setIfAbsent(p, 'protocol', 'TCP');
    setIfAbsent(p, 'targetPort', p.port);
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !p.nodePort) {
      p.nodePort = oldPorts.find(o => o.port === p.port)?.nodePort ?? ctx.allocateNodePort();
    }
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setIfAbsent(spec, 'externalTrafficPolicy', 'Cluster');
  if (!old) obj.status ??= { loadBalancer: {} };
}

function defaultDeployment(obj: Json): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'replicas', 1);
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  setIfAbsent(spec, 'progressDeadlineSeconds', 600);
  const strategy = (spec.strategy ??= { type: 'RollingUpdate' });
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxUnavailable: '25%', maxSurge: '25%' };
  defaultTemplate(spec);
}

function defaultStatefulSet(obj: Json): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'replicas', 1);
  setIfAbsent(spec, 'podManagementPolicy', 'OrderedReady');
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
  defaultTemplate(spec);
}

function defaultDaemonSet(obj: Json): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'revisionHistoryLimit', 10);
  spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  defaultTemplate(spec);
}

function defaultJob(obj: Json, old: Json | undefined): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'parallelism', 1);
  setIfAbsent(spec, 'completions', 1);
  setIfAbsent(spec, 'backoffLimit', 6);
  setIfAbsent(spec, 'completionMode', 'NonIndexed');
  setIfAbsent(spec, 'suspend', false);
  // Without manualSelector the registry generates a selector from the Job's uid.
  if (!old && !spec.manualSelector && !spec.selector && obj.metadata?.uid) {
    const uid = obj.metadata.uid;
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    spec.template ??= {};
    spec.template.metadata ??= {};
    spec.template.metadata.labels = {
      ...(spec.template.metadata.labels ?? {}),
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': obj.metadata.name,
      'controller-uid': uid,
      'job-name': obj.metadata.name,
    };
  }
  if (old && !spec.selector) spec.selector = old.spec?.selector;
  defaultTemplate(spec);
}

function defaultCronJob(obj: Json): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'concurrencyPolicy', 'Allow');
  setIfAbsent(spec, 'suspend', false);
  setIfAbsent(spec, 'successfulJobsHistoryLimit', 3);
  setIfAbsent(spec, 'failedJobsHistoryLimit', 1);
  defaultTemplate(spec.jobTemplate?.spec);
}

function defaultLimitRange(obj: Json): void {
  for (const item of (obj.spec?.limits ?? []) as Json[]) {
    if (item?.type !== 'Container') continue;
    // SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, defaultRequest ← min.
    item.default ??= {};
    item.defaultRequest ??= {};
    for (const [k, v] of Object.entries(item.max ?? {})) setIfAbsent(item.default, k, v);
    for (const [k, v] of Object.entries(item.default)) setIfAbsent(item.defaultRequest, k, v);
    for (const [k, v] of Object.entries(item.min ?? {})) setIfAbsent(item.defaultRequest, k, v);
    if (Object.keys(item.default).length === 0) delete item.default;
    if (Object.keys(item.defaultRequest).length === 0) delete item.defaultRequest;
  }
}

function defaultNamespace(obj: Json, old: Json | undefined): void {
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
  obj.spec ??= {};
  if (!old) obj.spec.finalizers ??= ['kubernetes'];
  else obj.spec.finalizers ??= old.spec?.finalizers;
}

function defaultPersistentVolumeClaim(obj: Json): void {
  const spec = (obj.spec ??= {});
  setIfAbsent(spec, 'volumeMode', 'Filesystem');
}

const DEFAULTERS: Record<string, (obj: Json, old: Json | undefined, ctx: DefaultingContext) => void> = {
  '/pods': defaultPod,
  '/services': defaultService,
  '/namespaces': defaultNamespace,
  '/limitranges': defaultLimitRange,
  '/persistentvolumeclaims': defaultPersistentVolumeClaim,
  '/secrets': obj => setIfAbsent(obj, 'type', 'Opaque'),
  'apps/deployments': defaultDeployment,
  'apps/replicasets': obj => {
    setIfAbsent((obj.spec ??= {}), 'replicas', 1);
    defaultTemplate(obj.spec);
  },
  'apps/statefulsets': defaultStatefulSet,
  'apps/daemonsets': defaultDaemonSet,
  'batch/jobs': defaultJob,
  'batch/cronjobs': defaultCronJob,
};

/** Applies API defaults in place; `old` is the stored object on update. */
export function applyDefaults(t: ResourceType, obj: KubeObject, old: KubeObject | undefined, ctx: DefaultingContext): void {
  DEFAULTERS[`${t.group}/${t.resource}`]?.(obj as Json, old as Json | undefined, ctx);
}

/** The status a new object starts with, for types whose registry resets status on create. */
export function initialStatus(t: ResourceType, obj: KubeObject): Record<string, unknown> | undefined {
  switch (`${t.group}/${t.resource}`) {
    case '/pods':
      return { phase: 'Pending', qosClass: qosClassOf(obj.spec as Json) };
    case '/namespaces':
      return { phase: 'Active' };
    case '/persistentvolumeclaims':
      return { phase: 'Pending' };
    case '/services':
      return { loadBalancer: {} };
    default:
      return undefined;
  }
}

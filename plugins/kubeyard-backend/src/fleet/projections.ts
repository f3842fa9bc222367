import {
  parseCpuCores,
  parseMemoryBytes,
  type ContainerInfo,
  type HpaInfo,
  type NamespaceInfo,
  type NodeInfo,
  type PdbInfo,
  type PodInfo,
  type ResourceAmounts,
  type WorkloadInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject, ResourceQuotaInfo } from './types';

/*
 * Trims Kubernetes objects to the fields Kubeyard reads. A malformed value in a cluster must
 * not break the index, so quantities that do not parse count as absent.
 */

function cpu(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return parseCpuCores(String(value));
  } catch {
    return undefined;
  }
}

function memory(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return parseMemoryBytes(String(value));
  } catch {
    return undefined;
  }
}

function amounts(resources: Record<string, unknown> | undefined): Partial<ResourceAmounts> {
  const result: Partial<ResourceAmounts> = {};
  const cpuCores = cpu(resources?.cpu);
  const memoryBytes = memory(resources?.memory);
  if (cpuCores !== undefined) result.cpuCores = cpuCores;
  if (memoryBytes !== undefined) result.memoryBytes = memoryBytes;
  return result;
}

function meta(obj: KubeObject) {
  return {
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
    labels: obj.metadata?.labels ?? {},
    annotations: obj.metadata?.annotations ?? {},
  };
}

/** Projects a container spec. */
export function projectContainer(container: any): ContainerInfo {
  return {
    name: container?.name ?? '',
    image: container?.image,
    requests: amounts(container?.resources?.requests),
    limits: amounts(container?.resources?.limits),
    livenessProbe: Boolean(container?.livenessProbe),
    readinessProbe: Boolean(container?.readinessProbe),
    startupProbe: Boolean(container?.startupProbe),
  };
}

/** Projects a Node. */
export function projectNode(obj: KubeObject): NodeInfo {
  const { name, labels } = meta(obj);
  const conditions = (obj.status?.conditions ?? []).map((c: any) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
  }));
  const roles = Object.keys(labels)
    .filter(key => key.startsWith('node-role.kubernetes.io/'))
    .map(key => key.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  const capacity = obj.status?.capacity ?? {};
  const allocatable = obj.status?.allocatable ?? capacity;
  const count = (v: unknown) => Number.parseInt(String(v ?? '0'), 10) || 0;
  return {
    name,
    zone: labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'],
    region: labels['topology.kubernetes.io/region'],
    roles: roles.length > 0 ? roles : ['worker'],
    // Ready only when the Ready condition says True: NotReady and Unknown are not ready.
    ready: conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'),
    unschedulable: Boolean(obj.spec?.unschedulable),
    capacity: { cpuCores: cpu(capacity.cpu) ?? 0, memoryBytes: memory(capacity.memory) ?? 0, pods: count(capacity.pods) },
    allocatable: { cpuCores: cpu(allocatable.cpu) ?? 0, memoryBytes: memory(allocatable.memory) ?? 0, pods: count(allocatable.pods) },
    conditions,
    taints: (obj.spec?.taints ?? []).map((t: any) => ({ key: t.key, value: t.value, effect: t.effect })),
    kubeletVersion: obj.status?.nodeInfo?.kubeletVersion,
    labels,
  };
}

/** Projects a Pod. */
export function projectPod(obj: KubeObject): PodInfo {
  const { namespace, name, labels } = meta(obj);
  const statuses: any[] = obj.status?.containerStatuses ?? [];
  const conditions: any[] = obj.status?.conditions ?? [];
  const scheduled = conditions.find(c => c.type === 'PodScheduled');
  const owner = (obj.metadata?.ownerReferences ?? []).find(ref => ref.controller) ?? obj.metadata?.ownerReferences?.[0];
  return {
    namespace,
    name,
    uid: obj.metadata?.uid,
    nodeName: obj.spec?.nodeName,
    phase: obj.status?.phase ?? 'Pending',
    ready: conditions.some(c => c.type === 'Ready' && c.status === 'True'),
    restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
    waitingReason: statuses.find(s => s.state?.waiting?.reason)?.state.waiting.reason,
    unschedulableReason: scheduled?.status === 'False' ? scheduled.reason ?? 'Unschedulable' : undefined,
    labels,
    owner: owner ? { kind: owner.kind, name: owner.name } : undefined,
    containers: (obj.spec?.containers ?? []).map(projectContainer),
    createdAt: obj.metadata?.creationTimestamp ? new Date(obj.metadata.creationTimestamp).toISOString() : undefined,
  };
}

function antiAffinityOf(podSpec: any): WorkloadInfo['template']['antiAffinity'] {
  const anti = podSpec?.affinity?.podAntiAffinity;
  const onHostname = (terms: any[] | undefined, pick: (t: any) => any) =>
    (terms ?? []).some(t => pick(t)?.topologyKey === 'kubernetes.io/hostname');
  if (onHostname(anti?.requiredDuringSchedulingIgnoredDuringExecution, t => t)) return 'required';
  if (onHostname(anti?.preferredDuringSchedulingIgnoredDuringExecution, t => t.podAffinityTerm)) return 'preferred';
  return 'none';
}

/** Projects a Deployment, StatefulSet or DaemonSet. */
export function projectWorkload(obj: KubeObject): WorkloadInfo {
  const { namespace, name, labels, annotations } = meta(obj);
  const kind = obj.kind as WorkloadInfo['kind'];
  const status = obj.status ?? {};
  const podSpec = obj.spec?.template?.spec ?? {};
  const isDaemonSet = kind === 'DaemonSet';
  const strategy = obj.spec?.strategy ?? obj.spec?.updateStrategy;
  return {
    kind,
    namespace,
    name,
    labels,
    annotations,
    desiredReplicas: isDaemonSet ? status.desiredNumberScheduled ?? 0 : obj.spec?.replicas ?? 1,
    readyReplicas: isDaemonSet ? status.numberReady ?? 0 : status.readyReplicas ?? 0,
    availableReplicas: isDaemonSet ? status.numberAvailable ?? 0 : status.availableReplicas ?? 0,
    updatedReplicas: isDaemonSet ? status.updatedNumberScheduled ?? 0 : status.updatedReplicas ?? 0,
    selector: obj.spec?.selector?.matchLabels ?? {},
    strategy: strategy
      ? {
          type: strategy.type,
          maxUnavailable: strategy.rollingUpdate?.maxUnavailable,
          maxSurge: strategy.rollingUpdate?.maxSurge,
        }
      : undefined,
    template: {
      labels: obj.spec?.template?.metadata?.labels ?? {},
      containers: (podSpec.containers ?? []).map(projectContainer),
      antiAffinity: antiAffinityOf(podSpec),
      topologySpread: (podSpec.topologySpreadConstraints ?? []).map((c: any) => ({
        topologyKey: c.topologyKey,
        maxSkew: c.maxSkew,
        whenUnsatisfiable: c.whenUnsatisfiable,
      })),
      nodeSelector: podSpec.nodeSelector,
      tolerations: (podSpec.tolerations ?? []).map((t: any) => ({
        key: t.key,
        operator: t.operator,
        value: t.value,
        effect: t.effect,
      })),
    },
  };
}

/** Projects a PodDisruptionBudget. */
export function projectPdb(obj: KubeObject): PdbInfo {
  const { namespace, name } = meta(obj);
  return {
    namespace,
    name,
    minAvailable: obj.spec?.minAvailable,
    maxUnavailable: obj.spec?.maxUnavailable,
    selector: obj.spec?.selector?.matchLabels ?? {},
    selectorExpressions: obj.spec?.selector?.matchExpressions,
    disruptionsAllowed: obj.status?.disruptionsAllowed,
  };
}

/** Projects a HorizontalPodAutoscaler (autoscaling/v2). */
export function projectHpa(obj: KubeObject): HpaInfo {
  const { namespace, name } = meta(obj);
  return {
    namespace,
    name,
    target: { kind: obj.spec?.scaleTargetRef?.kind, name: obj.spec?.scaleTargetRef?.name },
    minReplicas: obj.spec?.minReplicas ?? 1,
    maxReplicas: obj.spec?.maxReplicas ?? 1,
    metrics: (obj.spec?.metrics ?? [])
      .filter((m: any) => m.type === 'Resource')
      .map((m: any) => ({ resource: m.resource?.name, averageUtilization: m.resource?.target?.averageUtilization })),
  };
}

/** Projects a Namespace. */
export function projectNamespace(obj: KubeObject): NamespaceInfo {
  const { name, labels, annotations } = meta(obj);
  return { name, phase: obj.status?.phase === 'Terminating' ? 'Terminating' : 'Active', labels, annotations };
}

/** Keeps a custom resource as it is, minus managedFields (the largest part nobody reads). */
export function projectCustomResource(obj: KubeObject): KubeObject {
  const { managedFields: _managedFields, ...metadata } = (obj.metadata ?? {}) as any;
  return { ...obj, metadata };
}

function quantities(record: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries((record ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) result[key] = String(value);
  }
  return result;
}

/** Projects a ResourceQuota: what it allows (`status.hard`, else `spec.hard`) and what is used. */
export function projectResourceQuota(obj: KubeObject): ResourceQuotaInfo {
  const { namespace, name, labels } = meta(obj);
  // status.hard lags spec.hard until the quota controller has seen a change; the spec is
  // what the quota will enforce, so it wins where both exist.
  return {
    namespace,
    name,
    labels,
    hard: { ...quantities(obj.status?.hard), ...quantities(obj.spec?.hard) },
    used: quantities(obj.status?.used),
  };
}

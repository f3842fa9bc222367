/*
 * Trimmed projections of Kubernetes objects, as kept in kubeyard-backend's fleet index and
 * read by every feature. Quantities are numbers in base units: CPU in cores, memory in bytes.
 */

/** CPU in cores and memory in bytes. */
export interface ResourceAmounts {
  cpuCores: number;
  memoryBytes: number;
}

/** A node condition (Ready, MemoryPressure, …). */
export interface NodeConditionInfo {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** A node taint. */
export interface TaintInfo {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A node, trimmed. */
export interface NodeInfo {
  name: string;
  /** topology.kubernetes.io/zone */
  zone?: string;
  /** topology.kubernetes.io/region */
  region?: string;
  /** From node-role.kubernetes.io/<role> labels, e.g. ['control-plane'] or ['worker']. */
  roles: string[];
  ready: boolean;
  unschedulable: boolean;
  capacity: ResourceAmounts & { pods: number };
  allocatable: ResourceAmounts & { pods: number };
  conditions: NodeConditionInfo[];
  taints: TaintInfo[];
  kubeletVersion?: string;
  labels: Record<string, string>;
}

/** A container of a pod template or pod, trimmed. */
export interface ContainerInfo {
  name: string;
  image?: string;
  requests: Partial<ResourceAmounts>;
  limits: Partial<ResourceAmounts>;
  livenessProbe: boolean;
  readinessProbe: boolean;
  startupProbe: boolean;
}

/** A pod, trimmed. */
export interface PodInfo {
  namespace: string;
  name: string;
  uid?: string;
  nodeName?: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready: boolean;
  restarts: number;
  /** The first container waiting reason, e.g. CrashLoopBackOff. */
  waitingReason?: string;
  /** PodScheduled=False reason, e.g. Unschedulable. */
  unschedulableReason?: string;
  labels: Record<string, string>;
  /** The controlling owner, e.g. { kind: 'ReplicaSet', name: 'web-5d4f' }. */
  owner?: { kind: string; name: string };
  containers: ContainerInfo[];
  createdAt?: string;
}

/** Hostname anti-affinity of a pod template. */
export type AntiAffinity = 'required' | 'preferred' | 'none';

/** A topology spread constraint, trimmed. */
export interface TopologySpreadInfo {
  topologyKey: string;
  maxSkew: number;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
}

/** A toleration of a pod template (operator Equal when absent). */
export interface TolerationInfo {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  /** Absent: tolerates every effect. */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** Deployments, StatefulSets and DaemonSets, trimmed. */
export interface WorkloadInfo {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** spec.replicas (DaemonSet: desiredNumberScheduled). */
  desiredReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  /** spec.selector.matchLabels */
  selector: Record<string, string>;
  strategy?: { type: string; maxUnavailable?: string | number; maxSurge?: string | number };
  template: {
    labels: Record<string, string>;
    containers: ContainerInfo[];
    antiAffinity: AntiAffinity;
    topologySpread: TopologySpreadInfo[];
    /** spec.template.spec.nodeSelector; limits the nodes the HA rules count as schedulable. */
    nodeSelector?: Record<string, string>;
    /** spec.template.spec.tolerations; without them, tainted nodes count as unschedulable. */
    tolerations?: TolerationInfo[];
  };
}

/** A PodDisruptionBudget, trimmed. */
export interface PdbInfo {
  namespace: string;
  name: string;
  minAvailable?: string | number;
  maxUnavailable?: string | number;
  selector: Record<string, string>;
  /** spec.selector.matchExpressions, when the selector has any. */
  selectorExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  disruptionsAllowed?: number;
}

/** A HorizontalPodAutoscaler (autoscaling/v2), trimmed. */
export interface HpaInfo {
  namespace: string;
  name: string;
  target: { kind: string; name: string };
  minReplicas: number;
  maxReplicas: number;
  /** Resource metrics: e.g. { resource: 'cpu', averageUtilization: 70 }. */
  metrics: Array<{ resource: string; averageUtilization?: number }>;
}

/** A namespace, trimmed. */
export interface NamespaceInfo {
  name: string;
  phase: 'Active' | 'Terminating';
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

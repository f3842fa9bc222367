import type { Finding, FindingCounts } from '../findings/types';
import type { NodeInfo } from '../fleet/types';

/** How fresh the backend's view of a cluster is. */
export type SyncState = 'synced' | 'syncing' | 'stale' | 'error';

/** Per-cluster sync status of the fleet index. */
export interface ClusterSync {
  state: SyncState;
  /** When every watched type last completed a list or received an event. */
  lastSyncTime?: string;
  /** Latency of the last API request to the cluster, in ms. */
  latencyMs?: number;
  /** The last error, e.g. `401 Unauthorized` or `connect ECONNREFUSED`. */
  error?: string;
}

/** A cluster's overall health, derived from sync state and findings. */
export type ClusterStatus = 'healthy' | 'degraded' | 'unreachable' | 'unknown';

/** One row of GET /clusters. */
export interface ClusterSummary {
  name: string;
  /** GitVersion from /version, e.g. v1.31.4 */
  version?: string;
  status: ClusterStatus;
  sync: ClusterSync;
  nodes: { ready: number; total: number };
  zones: string[];
  cpu: { allocatableCores: number; requestedCores: number };
  memory: { allocatableBytes: number; requestedBytes: number };
  pods: number;
  namespaces: number;
  findings: FindingCounts;
}

/** GET /clusters response. */
export interface ClustersResponse {
  clusters: ClusterSummary[];
}

/** The control plane of a cluster. */
export interface ControlPlaneSummary {
  /** Nodes with the control-plane (or master) role. */
  nodes: Array<{ name: string; zone?: string; ready: boolean }>;
  /** etcd members (static pods labelled component=etcd), with readiness. */
  etcdMembers: Array<{ name: string; node?: string; ready: boolean }>;
  /** Failures etcd survives: ⌊(n−1)/2⌋ for n members. */
  quorumTolerance: number;
  /** Zones the control-plane nodes span. */
  zones: string[];
}

/** GET /clusters/:name response. */
export interface ClusterDetail {
  summary: ClusterSummary;
  topology: Array<{ zone: string; nodes: NodeInfo[] }>;
  controlPlane: ControlPlaneSummary;
  findings: Finding[];
}

/** One workload of an entity on one cluster. */
export interface EntityWorkload {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  namespace: string;
  name: string;
  desiredReplicas: number;
  readyReplicas: number;
  pods: Array<{ name: string; nodeName?: string; zone?: string; phase: string; ready: boolean; restarts: number; waitingReason?: string }>;
  findings: Finding[];
}

/** GET /workloads?entityRef= response. */
export interface EntityWorkloadsResponse {
  entityRef: string;
  /** The kubernetes-id and label selector used to find the workloads. */
  selector: { kubernetesId?: string; labelSelector?: string; namespace?: string };
  clusters: Array<{ cluster: string; sync: ClusterSync; workloads: EntityWorkload[] }>;
}

/** Where a federated workload's placement comes from. */
export type PlacementSource = 'KubeFed' | 'Karmada';

/** One member cluster of a federated workload. */
export interface FederatedPlacement {
  cluster: string;
  /** Replicas the federation control plane asks this cluster for. */
  desiredReplicas?: number;
  /** Ready replicas observed in the member cluster by the fleet index. */
  readyReplicas?: number;
  /** Karmada aggregatedStatus.applied, or KubeFed status.clusters[] status === ''. */
  applied?: boolean;
  health: 'Healthy' | 'Unhealthy' | 'Unknown';
  message?: string;
}

/** One federated workload, from KubeFed or Karmada, in one model. */
export interface FederatedWorkload {
  source: PlacementSource;
  /** The cluster the federation control plane runs on. */
  hostCluster: string;
  namespace: string;
  name: string;
  kind: string;
  /** The backstage.io/kubernetes-id label of the workload, when it has one. */
  kubernetesId?: string;
  /** The catalog entity whose kubernetes-id matches, if any. */
  entityRef?: string;
  totalDesiredReplicas?: number;
  placements: FederatedPlacement[];
  /** Karmada ResourceBinding conditions (Scheduled, FullyApplied) or KubeFed conditions. */
  conditions: Array<{ type: string; status: string; reason?: string; message?: string }>;
}

/** GET /federation response. */
export interface FederationResponse {
  workloads: FederatedWorkload[];
}

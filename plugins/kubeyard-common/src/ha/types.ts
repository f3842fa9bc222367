import type { ControlPlaneSummary } from '../api/types';
import type { Finding, FindingObject } from '../findings/types';
import type { HpaInfo, NodeInfo, PdbInfo, PodInfo, WorkloadInfo } from '../fleet/types';

/** What evaluateClusterHa reads: every node and pod of one cluster. */
export interface ClusterHaInput {
  cluster: string;
  nodes: NodeInfo[];
  pods: PodInfo[];
}

/** What evaluateClusterHa returns. */
export interface ClusterHaResult {
  findings: Finding[];
  controlPlane: ControlPlaneSummary;
}

/** What evaluateWorkloadHa reads: one workload, its pods, and its namespace's PDBs and HPAs. */
export interface WorkloadHaInput {
  cluster: string;
  workload: WorkloadInfo;
  /** The workload's own pods; the caller selects them. */
  pods: PodInfo[];
  /** PodDisruptionBudgets of the namespace; the rules match their selectors. */
  pdbs: PdbInfo[];
  /** HorizontalPodAutoscalers of the namespace; the rules match their scaleTargetRef. */
  hpas: HpaInfo[];
  /** Every node of the cluster. */
  nodes: NodeInfo[];
  /** A critical service should run 3 replicas, not 2 (the catalog knows which services are). */
  critical?: boolean;
}

/** The facts cluster rules share, derived once. */
export interface ClusterContext {
  cluster: string;
  object: FindingObject;
  nodes: NodeInfo[];
  pods: PodInfo[];
  controlPlaneNodes: NodeInfo[];
  /** Nodes that run ordinary pods: the workers, or untainted control-plane nodes when there are no workers. */
  workers: NodeInfo[];
  /** Pods in kube-system labelled component=etcd or k8s-app=etcd. */
  etcdMembers: PodInfo[];
}

/** The facts workload rules share, derived once. */
export interface WorkloadContext {
  cluster: string;
  workload: WorkloadInfo;
  object: FindingObject;
  pods: PodInfo[];
  /** The HorizontalPodAutoscaler whose scaleTargetRef is this workload. */
  hpa?: HpaInfo;
  /** PodDisruptionBudgets whose selector matches the pod template's labels. */
  pdbs: PdbInfo[];
  nodes: NodeInfo[];
  /** Ready, uncordoned nodes whose taints the template tolerates and whose labels its nodeSelector matches. */
  schedulableNodes: NodeInfo[];
  /** Zones of the schedulable nodes. */
  zones: string[];
  /** The fewest replicas the workload runs: HPA minReplicas, else spec.replicas. */
  minReplicas: number;
  /** The most replicas the workload runs: HPA maxReplicas, else spec.replicas. */
  maxReplicas: number;
  critical: boolean;
}

/** A cluster rule: derives zero or more findings from the cluster's facts. */
export type ClusterRule = (context: ClusterContext) => Finding[];

/** A workload rule: derives zero or more findings from the workload's facts. */
export type WorkloadRule = (context: WorkloadContext) => Finding[];

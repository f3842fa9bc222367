/*
 * Fixture builders for the HA rule tests. Every builder returns a healthy object; a test
 * overrides the one field its rule is about.
 */
import type { Finding } from '../../findings/types';
import type {
  ContainerInfo,
  HpaInfo,
  NodeConditionInfo,
  NodeInfo,
  PdbInfo,
  PodInfo,
  WorkloadInfo,
} from '../../fleet/types';
import type { ClusterHaInput, WorkloadHaInput } from '../types';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

/** A Ready worker node with 4 cores and 16Gi allocatable. */
export function node(name: string, overrides: Partial<NodeInfo> = {}): NodeInfo {
  const amounts = { cpuCores: 4, memoryBytes: 16 * GiB, pods: 110 };
  return {
    name,
    roles: ['worker'],
    ready: true,
    unschedulable: false,
    capacity: amounts,
    allocatable: amounts,
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
    taints: [],
    labels: { 'kubernetes.io/hostname': name, ...(overrides.zone ? { 'topology.kubernetes.io/zone': overrides.zone } : {}) },
    ...overrides,
  };
}

/** A worker node in a zone. */
export function worker(name: string, zone?: string, overrides: Partial<NodeInfo> = {}): NodeInfo {
  return node(name, { zone, ...overrides });
}

/** A control-plane node in a zone, tainted NoSchedule as kubeadm does. */
export function controlPlane(name: string, zone?: string, overrides: Partial<NodeInfo> = {}): NodeInfo {
  return node(name, {
    zone,
    roles: ['control-plane'],
    labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/control-plane': '' },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    ...overrides,
  });
}

/** The node with its Ready condition set to False or Unknown (the ready flag left as it was). */
export function withReadyCondition(
  base: NodeInfo,
  status: NodeConditionInfo['status'],
  reason = status === 'Unknown' ? 'NodeStatusUnknown' : 'KubeletNotReady',
): NodeInfo {
  return {
    ...base,
    conditions: [...base.conditions.filter(c => c.type !== 'Ready'), { type: 'Ready', status, reason }],
  };
}

/** A container with requests, limits and probes. */
export function container(name = 'app', overrides: Partial<ContainerInfo> = {}): ContainerInfo {
  return {
    name,
    image: `registry.example.com/${name}:1.0.0`,
    requests: { cpuCores: 0.5, memoryBytes: 512 * MiB },
    limits: { cpuCores: 1, memoryBytes: GiB },
    livenessProbe: true,
    readinessProbe: true,
    startupProbe: false,
    ...overrides,
  };
}

/** A Running, Ready pod of the web Deployment. */
export function pod(name: string, overrides: Partial<PodInfo> = {}): PodInfo {
  return {
    namespace: 'shop',
    name,
    phase: 'Running',
    ready: true,
    restarts: 0,
    labels: { app: 'web' },
    owner: { kind: 'ReplicaSet', name: 'web-5d4f' },
    containers: [container()],
    ...overrides,
  };
}

/** A kubeadm etcd static pod on a control-plane node. */
export function etcdPod(nodeName: string, ready = true): PodInfo {
  return pod(`etcd-${nodeName}`, {
    namespace: 'kube-system',
    nodeName,
    ready,
    phase: 'Running',
    labels: { component: 'etcd', tier: 'control-plane' },
    owner: { kind: 'Node', name: nodeName },
  });
}

/** A healthy Deployment shop/web: 3 replicas, RollingUpdate 0/1, preferred anti-affinity, zone spread. */
export function workload(overrides: Partial<WorkloadInfo> = {}, template: Partial<WorkloadInfo['template']> = {}): WorkloadInfo {
  return {
    kind: 'Deployment',
    namespace: 'shop',
    name: 'web',
    labels: { app: 'web' },
    annotations: {},
    desiredReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    updatedReplicas: 3,
    selector: { app: 'web' },
    strategy: { type: 'RollingUpdate', maxUnavailable: 0, maxSurge: 1 },
    ...overrides,
    template: {
      labels: { app: 'web' },
      containers: [container()],
      antiAffinity: 'preferred',
      topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' }],
      ...template,
    },
  };
}

/** A PodDisruptionBudget for app=web with maxUnavailable 1. */
export function pdb(overrides: Partial<PdbInfo> = {}): PdbInfo {
  return { namespace: 'shop', name: 'web-pdb', selector: { app: 'web' }, maxUnavailable: 1, ...overrides };
}

/** A HorizontalPodAutoscaler of Deployment web, 3–6 replicas at 70 % CPU. */
export function hpa(overrides: Partial<HpaInfo> = {}): HpaInfo {
  return {
    namespace: 'shop',
    name: 'web-hpa',
    target: { kind: 'Deployment', name: 'web' },
    minReplicas: 3,
    maxReplicas: 6,
    metrics: [{ resource: 'cpu', averageUtilization: 70 }],
    ...overrides,
  };
}

/** Three workers, one per zone a, b, c. */
export function threeZoneWorkers(): NodeInfo[] {
  return [worker('w-a', 'a'), worker('w-b', 'b'), worker('w-c', 'c')];
}

/** The pods of the web Deployment, one per node given. */
export function podsOn(nodeNames: string[], overrides: Partial<PodInfo> = {}): PodInfo[] {
  return nodeNames.map((nodeName, i) => pod(`web-5d4f-${i}`, { nodeName, ...overrides }));
}

/** A healthy workload evaluation input: web on three zones with a PDB and an HPA. */
export function workloadInput(overrides: Partial<WorkloadHaInput> = {}): WorkloadHaInput {
  return {
    cluster: 'prod-eu',
    workload: workload(),
    pods: podsOn(['w-a', 'w-b', 'w-c']),
    pdbs: [pdb()],
    hpas: [hpa()],
    nodes: threeZoneWorkers(),
    ...overrides,
  };
}

/** A healthy cluster: 3 control-plane nodes with etcd and 6 workers over zones a, b, c. */
export function clusterInput(overrides: Partial<ClusterHaInput> = {}): ClusterHaInput {
  const controlPlanes = [controlPlane('cp-a', 'a'), controlPlane('cp-b', 'b'), controlPlane('cp-c', 'c')];
  const workers = ['a', 'b', 'c'].flatMap(zone => [worker(`w-${zone}1`, zone), worker(`w-${zone}2`, zone)]);
  return {
    cluster: 'prod-eu',
    nodes: [...controlPlanes, ...workers],
    pods: controlPlanes.map(cp => etcdPod(cp.name)),
    ...overrides,
  };
}

/** The findings with one rule id. */
export function withId(findings: Finding[], id: string): Finding[] {
  return findings.filter(finding => finding.id === id);
}

/** The rule ids of findings, sorted. */
export function idsOf(findings: Finding[]): string[] {
  return findings.map(finding => finding.id).sort();
}

/*
 * The scheduling decision for one pod, as a pure function of the pod and the nodes with their
 * pods. Filters follow kube-scheduler's plugin order (NodeUnschedulable, TaintToleration,
 * NodeAffinity, NodeResourcesFit, PodTopologySpread, InterPodAffinity); among feasible nodes
 * it spreads the pod's peers across zones, then hosts, then prefers the least allocated node.
 */
import type { KubeObject } from '../types';
import {
  type LabelSelectorObject,
  type LabelSelectorRequirement,
  matchesLabelSelector,
  matchesNodeSelectorRequirements,
} from '../apiserver/labelSelector';
import { controllerOf, findCondition } from './objects';
import { podRequests } from './podTemplate';
import { quantityValue } from '../apiserver/quantity';

/** The zone label kube-scheduler spreads across. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** The hostname label. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** A node and the non-terminal pods assigned to it. */
export interface SchedulingNode {
  node: KubeObject;
  pods: KubeObject[];
}

/** Where the pod goes, or why it cannot go anywhere (the FailedScheduling message). */
export type ScheduleResult =
  | { nodeName: string; message?: undefined }
  | { nodeName?: undefined; message: string };

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

interface AffinityTerm {
  labelSelector?: LabelSelectorObject;
  topologyKey: string;
  namespaces?: string[];
}

interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelectorObject;
}

interface PodSpec {
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        nodeSelectorTerms: Array<{
          matchExpressions?: LabelSelectorRequirement[];
          matchFields?: LabelSelectorRequirement[];
        }>;
      };
    };
    podAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[];
    };
    podAntiAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[];
      preferredDuringSchedulingIgnoredDuringExecution?: Array<{
        weight: number;
        podAffinityTerm: AffinityTerm;
      }>;
    };
  };
  topologySpreadConstraints?: SpreadConstraint[];
}

function labelsOf(obj: KubeObject): Record<string, string> {
  return obj.metadata.labels ?? {};
}

function specOf(pod: KubeObject): PodSpec {
  return (pod.spec ?? {}) as PodSpec;
}

/** The value of a topology key for a node ("" when the node lacks it). */
export function topologyValue(node: KubeObject, key: string): string {
  const value = labelsOf(node)[key];
  if (value !== undefined) return value;
  return key === HOSTNAME_LABEL ? node.metadata.name ?? '' : '';
}

function isNodeReady(node: KubeObject): boolean {
  const ready = findCondition(
    (node.status as { conditions?: unknown } | undefined)?.conditions,
    'Ready',
  );
  return ready === undefined || ready.status === 'True';
}

/** The taints that block scheduling, including the implicit not-ready taint of a NotReady node. */
export function schedulingTaints(node: KubeObject): Taint[] {
  const taints = (
    ((node.spec ?? {}) as { taints?: Taint[] }).taints ?? []
  ).filter(t => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (
    !isNodeReady(node) &&
    !taints.some(t => t.key.startsWith('node.kubernetes.io/'))
  ) {
    taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
  }
  if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) {
    taints.push({
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
  }
  return taints;
}

/** Whether one toleration tolerates one taint (v1.Toleration.ToleratesTaint). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (!toleration.key && toleration.operator !== 'Exists') return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

function untoleratedTaint(
  pod: KubeObject,
  node: KubeObject,
): Taint | undefined {
  const tolerations = specOf(pod).tolerations ?? [];
  return schedulingTaints(node).find(
    taint => !tolerations.some(t => tolerates(t, taint)),
  );
}

/** Whether a node satisfies the pod's nodeSelector and required node affinity. */
export function matchesNodeAffinity(
  pod: KubeObject,
  node: KubeObject,
): boolean {
  const spec = specOf(pod);
  const labels = labelsOf(node);
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false;
  }
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  const fields = { 'metadata.name': node.metadata.name ?? '' };
  return terms.some(
    term =>
      (term.matchExpressions?.length || term.matchFields?.length) &&
      matchesNodeSelectorRequirements(term.matchExpressions, labels) &&
      matchesNodeSelectorRequirements(term.matchFields, fields),
  );
}

function allocatable(node: KubeObject): {
  cpu: number;
  memory: number;
  pods: number;
} {
  const a =
    ((node.status ?? {}) as { allocatable?: Record<string, string> })
      .allocatable ?? {};
  return {
    cpu: quantityValue(a.cpu) ?? Infinity,
    memory: quantityValue(a.memory) ?? Infinity,
    pods: quantityValue(a.pods) ?? 110,
  };
}

function requested(pods: KubeObject[]): { cpu: number; memory: number } {
  const sum = { cpu: 0, memory: 0 };
  for (const p of pods) {
    const r = podRequests(p);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
  }
  return sum;
}

function termMatches(
  term: AffinityTerm,
  pod: KubeObject,
  other: KubeObject,
): boolean {
  const namespaces = term.namespaces?.length
    ? term.namespaces
    : [pod.metadata.namespace];
  return (
    namespaces.includes(other.metadata.namespace) &&
    matchesLabelSelector(term.labelSelector, labelsOf(other))
  );
}

/** The pods a new pod should be spread away from: its spread selectors, or its controller's other pods. */
function isPeer(pod: KubeObject, other: KubeObject): boolean {
  if (other.metadata.namespace !== pod.metadata.namespace) return false;
  const constraints = specOf(pod).topologySpreadConstraints ?? [];
  if (constraints.length)
    return constraints.some(c =>
      matchesLabelSelector(c.labelSelector, labelsOf(other)),
    );
  const owner = controllerOf(pod);
  return owner !== undefined && controllerOf(other)?.uid === owner.uid;
}

function countBy(
  nodes: SchedulingNode[],
  key: string,
  match: (p: KubeObject) => boolean,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { node, pods } of nodes) {
    const domain = topologyValue(node, key);
    counts.set(domain, (counts.get(domain) ?? 0) + pods.filter(match).length);
  }
  return counts;
}

/** Chooses a node for the pod, or explains why none fits. */
export function schedulePod(
  pod: KubeObject,
  nodes: SchedulingNode[],
): ScheduleResult {
  const spec = specOf(pod);
  const need = podRequests(pod);
  const reasons = new Map<string, number>();
  const fail = (reason: string) =>
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const affinityNodes = nodes.filter(n => matchesNodeAffinity(pod, n.node));
  const antiTerms =
    spec.affinity?.podAntiAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const affinityTerms =
    spec.affinity?.podAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const hardSpread = (spec.topologySpreadConstraints ?? []).filter(
    c => c.whenUnsatisfiable === 'DoNotSchedule',
  );
  const spreadCounts = hardSpread.map(c =>
    countBy(
      affinityNodes,
      c.topologyKey,
      p =>
        p.metadata.namespace === pod.metadata.namespace &&
        matchesLabelSelector(c.labelSelector, labelsOf(p)),
    ),
  );

  const feasible: SchedulingNode[] = [];
  for (const candidate of nodes) {
    const { node, pods } = candidate;
    const taint = untoleratedTaint(pod, node);
    if (taint) {
      fail(
        `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`,
      );
      continue;
    }
    if (!matchesNodeAffinity(pod, node)) {
      fail("node(s) didn't match Pod's node affinity/selector");
      continue;
    }
    const capacity = allocatable(node);
    const used = requested(pods);
    let fits = true;
    if (pods.length + 1 > capacity.pods) {
      fail('Too many pods');
      fits = false;
    }
    if (used.cpu + need.cpu > capacity.cpu + 1e-9) {
      fail('Insufficient cpu');
      fits = false;
    }
    if (used.memory + need.memory > capacity.memory) {
      fail('Insufficient memory');
      fits = false;
    }
    if (!fits) continue;
    const spreadOk = hardSpread.every((c, i) => {
      const counts = spreadCounts[i];
      const domain = topologyValue(node, c.topologyKey);
      const min = Math.min(...counts.values());
      return (counts.get(domain) ?? 0) + 1 - min <= c.maxSkew;
    });
    if (!spreadOk) {
      fail("node(s) didn't match pod topology spread constraints");
      continue;
    }
    const antiOk = antiTerms.every(term => {
      const domain = topologyValue(node, term.topologyKey);
      return !nodes.some(
        other =>
          topologyValue(other.node, term.topologyKey) === domain &&
          other.pods.some(p => termMatches(term, pod, p)),
      );
    });
    if (!antiOk) {
      fail("node(s) didn't match pod anti-affinity rules");
      continue;
    }
    const affinityOk = affinityTerms.every(term => {
      const anywhere = nodes.some(other =>
        other.pods.some(p => termMatches(term, pod, p)),
      );
      if (!anywhere) return termMatches(term, pod, pod); // the first pod of a group may go anywhere
      const domain = topologyValue(node, term.topologyKey);
      return nodes.some(
        other =>
          topologyValue(other.node, term.topologyKey) === domain &&
          other.pods.some(p => termMatches(term, pod, p)),
      );
    });
    if (!affinityOk) {
      fail("node(s) didn't match pod affinity rules");
      continue;
    }
    feasible.push(candidate);
  }

  if (feasible.length === 0) {
    const parts = [...reasons.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, n]) => `${n} ${r}`);
    return {
      message: `0/${nodes.length} nodes are available: ${parts.join(
        ', ',
      )}. preemption: 0/${nodes.length} nodes are available: ${
        nodes.length
      } Preemption is not helpful for scheduling.`,
    };
  }

  const zonePeers = countBy(nodes, ZONE_LABEL, p => isPeer(pod, p));
  const preferredAnti =
    spec.affinity?.podAntiAffinity
      ?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const score = ({ node, pods }: SchedulingNode) => {
    const capacity = allocatable(node);
    const used = requested(pods);
    const avoided = preferredAnti.reduce(
      (sum, p) =>
        sum +
        (nodes.some(
          other =>
            topologyValue(other.node, p.podAffinityTerm.topologyKey) ===
              topologyValue(node, p.podAffinityTerm.topologyKey) &&
            other.pods.some(o => termMatches(p.podAffinityTerm, pod, o)),
        )
          ? p.weight
          : 0),
      0,
    );
    const load =
      (Number.isFinite(capacity.cpu)
        ? (used.cpu + need.cpu) / capacity.cpu
        : 0) +
      (Number.isFinite(capacity.memory)
        ? (used.memory + need.memory) / capacity.memory
        : 0);
    return [
      zonePeers.get(topologyValue(node, ZONE_LABEL)) ?? 0,
      pods.filter(p => isPeer(pod, p)).length,
      avoided,
      load,
    ];
  };
  const ranked = feasible
    .map(candidate => ({ candidate, score: score(candidate) }))
    .sort((a, b) => {
      for (let i = 0; i < a.score.length; i++) {
        if (a.score[i] !== b.score[i]) return a.score[i] - b.score[i];
      }
      return (a.candidate.node.metadata.name ?? '').localeCompare(
        b.candidate.node.metadata.name ?? '',
      );
    });
  return { nodeName: ranked[0].candidate.node.metadata.name! };
}

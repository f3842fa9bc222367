import type { Finding } from '../findings/types';
import type { PdbInfo, WorkloadInfo } from '../fleet/types';
import { matchesRequirements, requirementsOf } from '../selectors/labelSelector';
import { antiAffinityRules } from './antiAffinityRules';
import { autoscalingRules, hpaConfigurationRules } from './autoscalingRules';
import { isSchedulableFor, zonesOf } from './nodes';
import { workloadObject } from './objects';
import { pdbRules, replicatedPdbRules } from './pdbRules';
import { podRules } from './podRules';
import { probeRules } from './probeRules';
import { replicaCountRules, replicaReadinessRules } from './replicaRules';
import { resourceRules } from './resourceRules';
import { rolloutRules } from './rolloutRules';
import { spreadRules } from './spreadRules';
import type { WorkloadContext, WorkloadHaInput, WorkloadRule } from './types';

/** Rules for Deployments and StatefulSets: replica counts, placement, autoscaling. A DaemonSet runs one pod per node by design. */
export const replicatedWorkloadRules: WorkloadRule[] = [
  ...replicaCountRules,
  ...replicatedPdbRules,
  ...antiAffinityRules,
  ...spreadRules,
  ...autoscalingRules,
];

/** Rules for every workload kind. */
export const everyWorkloadRules: WorkloadRule[] = [
  ...pdbRules,
  ...rolloutRules,
  ...hpaConfigurationRules,
  ...probeRules,
  ...resourceRules,
  ...replicaReadinessRules,
  ...podRules,
];

/**
 * Whether a PDB selects the workload's pods. In policy/v1 an empty selector selects every pod
 * of the namespace; a selector with an unknown operator selects nothing.
 */
function selectsPodsOf(pdb: PdbInfo, workload: WorkloadInfo): boolean {
  if (pdb.namespace !== workload.namespace) return false;
  try {
    const requirements = requirementsOf({ matchLabels: pdb.selector, matchExpressions: pdb.selectorExpressions });
    return matchesRequirements(workload.template.labels, requirements);
  } catch {
    return false;
  }
}

function contextOf(input: WorkloadHaInput): WorkloadContext {
  const { cluster, workload, pods, nodes } = input;
  const daemonSet = workload.kind === 'DaemonSet';
  const hpa = daemonSet
    ? undefined
    : input.hpas.find(
        h => h.namespace === workload.namespace && h.target.kind === workload.kind && h.target.name === workload.name,
      );
  const schedulableNodes = nodes.filter(node => isSchedulableFor(node, workload.template));
  return {
    cluster,
    workload,
    object: workloadObject(cluster, workload),
    pods,
    hpa,
    pdbs: input.pdbs.filter(pdb => selectsPodsOf(pdb, workload)),
    nodes,
    schedulableNodes,
    zones: zonesOf(schedulableNodes),
    minReplicas: hpa ? hpa.minReplicas : workload.desiredReplicas,
    maxReplicas: hpa ? Math.max(hpa.maxReplicas, workload.desiredReplicas) : workload.desiredReplicas,
    critical: input.critical ?? false,
  };
}

/** Evaluates a workload's HA posture: replicas, PDBs, anti-affinity and zone spread, probes, rollout, HPA, resources, pod health. */
export function evaluateWorkloadHa(input: WorkloadHaInput): Finding[] {
  const context = contextOf(input);
  const rules = input.workload.kind === 'DaemonSet' ? everyWorkloadRules : [...replicatedWorkloadRules, ...everyWorkloadRules];
  return rules.flatMap(rule => rule(context));
}

import type { Finding } from '../findings/types';
import type { PdbInfo } from '../fleet/types';
import { resolveIntOrPercent } from './intOrPercent';
import { pdbObject } from './objects';
import { listNames, plural, podSelectorOf, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/**
 * The voluntary disruptions a PodDisruptionBudget allows with all replicas healthy, as the
 * disruption controller computes them (percentages round up). Undefined when it sets neither
 * field or a value is malformed.
 */
export function allowedDisruptions(pdb: PdbInfo, replicas: number): number | undefined {
  if (pdb.minAvailable !== undefined) {
    const minAvailable = resolveIntOrPercent(pdb.minAvailable, replicas, true);
    return minAvailable === undefined ? undefined : Math.max(0, replicas - minAvailable);
  }
  if (pdb.maxUnavailable !== undefined) {
    const maxUnavailable = resolveIntOrPercent(pdb.maxUnavailable, replicas, true);
    return maxUnavailable === undefined ? undefined : Math.min(replicas, maxUnavailable);
  }
  return undefined;
}

function constraintOf(pdb: PdbInfo): string {
  return pdb.minAvailable !== undefined ? `minAvailable ${pdb.minAvailable}` : `maxUnavailable ${pdb.maxUnavailable}`;
}

function fixFor(pdb: PdbInfo, replicas: number): string {
  if (replicas < 2) {
    return 'Run at least 2 replicas and set maxUnavailable to 1: with 1 replica, any PodDisruptionBudget that keeps it available blocks drains';
  }
  return pdb.minAvailable !== undefined
    ? `Set minAvailable to ${replicas - 1} or maxUnavailable to 1`
    : 'Set maxUnavailable to 1';
}

/** workload.pdb.blocks-eviction: a PDB that allows no disruption (minAvailable ≥ replicas, maxUnavailable 0) blocks node drains. */
export const pdbBlocksEviction: WorkloadRule = ({ cluster, workload, hpa, pdbs }: WorkloadContext) => {
  const replicas = workload.desiredReplicas;
  if (replicas === 0) return [];
  const findings: Finding[] = [];
  for (const pdb of pdbs) {
    const at = [{ count: replicas, because: '' }];
    // A PDB that fits today can block once the HPA scales down to its minimum.
    if (hpa && hpa.minReplicas > 0 && hpa.minReplicas < replicas) {
      at.push({ count: hpa.minReplicas, because: ` once HorizontalPodAutoscaler ${hpa.name} scales down` });
    }
    const blocked = at.find(({ count }) => allowedDisruptions(pdb, count) === 0);
    if (!blocked) continue;
    findings.push({
      id: 'workload.pdb.blocks-eviction',
      severity: 'warning',
      object: pdbObject(cluster, pdb),
      message: `PodDisruptionBudget ${pdb.name} requires ${constraintOf(pdb)} with ${plural(blocked.count, 'replica')} of ${workloadRef(workload)}${blocked.because}: no voluntary disruption is allowed, so node drains block`,
      fix: fixFor(pdb, blocked.count),
    });
  }
  return findings;
};

/** workload.pdb.multiple: the eviction API refuses pods covered by more than one PDB, so drains fail. */
export const pdbMultiple: WorkloadRule = ({ workload, object, pdbs }: WorkloadContext) => {
  if (pdbs.length < 2) return [];
  const names = listNames(pdbs.map(pdb => pdb.name).sort());
  return [
    {
      id: 'workload.pdb.multiple',
      severity: 'warning',
      object,
      message: `Pods of ${workloadRef(workload)} are selected by ${pdbs.length} PodDisruptionBudgets (${names}): the eviction API refuses pods with more than one, so node drains fail`,
      fix: `Keep one PodDisruptionBudget for these pods and delete or narrow the selectors of the others`,
    },
  ];
};

/** workload.pdb.missing: a replicated workload without a PDB can lose every replica to one careless drain. */
export const pdbMissing: WorkloadRule = ({ workload, object, pdbs, minReplicas }: WorkloadContext) => {
  if (pdbs.length > 0 || minReplicas < 2) return [];
  return [
    {
      id: 'workload.pdb.missing',
      severity: 'info',
      object,
      message: `${workloadRef(workload)} has no PodDisruptionBudget: a drain of several nodes at once may evict all its replicas together`,
      fix: `kubectl -n ${workload.namespace} create poddisruptionbudget ${workload.name} --selector=${podSelectorOf(workload)} --max-unavailable=1`,
    },
  ];
};

/** PDB rules for every workload kind. */
export const pdbRules: WorkloadRule[] = [pdbBlocksEviction, pdbMultiple];

/** PDB rules for Deployments and StatefulSets only. */
export const replicatedPdbRules: WorkloadRule[] = [pdbMissing];

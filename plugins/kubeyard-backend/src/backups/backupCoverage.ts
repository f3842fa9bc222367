/*
 * GET /backups/coverage: which schedules back up a scope's namespaces and workloads, its RPO
 * compliance when it has a tier, and its last restore drill.
 */
import {
  backupCovers,
  compileBackupFilter,
  evaluateCoverage,
  evaluateRpo,
  recoveryTier,
  resourceOfKind,
  scheduleNameOf,
  type CoverageResponse,
  type CoverageWorkload,
  type RecoveryTier,
  type RestoreView,
  type RpoResult,
  type RpoStatus,
  type BackupSpec,
  type FindingObject,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { BackupEvaluation } from './BackupEvaluator';
import type { BackupScope } from './backupScope';
import { restoreView } from './backupViews';
import { coverageInput } from './coverageInput';
import type { ClusterVeleroObjects } from './veleroObjects';

/** Whether a backup of this spec holds every workload given, or, without workloads, the namespace. */
function specCoversAll(spec: BackupSpec | undefined, namespace: string, workloads: CoverageWorkload[]): boolean {
  const template = spec ?? {};
  if (workloads.length === 0) return compileBackupFilter(template).includesNamespace(namespace);
  return workloads.every(w => backupCovers(template, { namespace, resource: w.resource ?? resourceOfKind(w.kind), labels: w.labels }));
}

/** The RPO verdict of one namespace: its covering schedules (paused ones included, so the verdict says so) and backups. */
function namespaceRpo(tier: RecoveryTier, now: Date, objects: ClusterVeleroObjects, namespace: string, workloads: CoverageWorkload[]): RpoResult {
  const object: FindingObject = { kind: 'Namespace', name: namespace, cluster: objects.cluster };
  return evaluateRpo({
    tier,
    now,
    object,
    coveringSchedules: objects.schedules
      .filter(s => specCoversAll(s.spec?.template, namespace, workloads))
      .map(s => ({ name: s.metadata.name, cron: s.spec?.schedule ?? '', paused: s.spec?.paused, phase: s.status?.phase })),
    backups: objects.backups
      .filter(b => specCoversAll(b.spec, namespace, workloads))
      .map(b => ({ name: b.metadata.name, phase: b.status?.phase, completionTimestamp: b.status?.completionTimestamp, scheduleName: scheduleNameOf(b) })),
  });
}

/** Folds per-namespace verdicts: compliant only when every namespace is; ages and intervals the worst. */
function combineRpo(tier: RecoveryTier, results: RpoResult[]): RpoStatus {
  const { rpoMs, rtoMs } = recoveryTier(tier);
  const newest = results.map(r => r.newestCompletedAt);
  const ages = results.map(r => r.ageMs);
  const intervals = results.map(r => r.intervalMs);
  const allDefined = <T>(values: Array<T | undefined>): values is T[] => values.length > 0 && values.every(v => v !== undefined);
  return {
    tier,
    rpoMs,
    rtoMs,
    compliant: results.length > 0 && results.every(r => r.compliant),
    ...(allDefined(newest) ? { newestCompletedAt: newest.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) } : {}),
    ...(allDefined(ages) ? { ageMs: Math.max(...ages) } : {}),
    ...(allDefined(intervals) ? { intervalMs: Math.max(...intervals) } : {}),
    findings: results.flatMap(r => r.findings),
  };
}

/** A cluster's Restores, recorded drills included (ClusterBackupFacts.restores). */
interface ClusterRestores {
  cluster: string;
  restores: VeleroRestore[];
}

function drillTime(drill: RestoreView): number {
  return Date.parse(drill.completionTimestamp ?? drill.startTimestamp ?? '') || 0;
}

/** The newest drill that restored one of the namespaces (by namespaceMapping, or the restore's included namespaces). */
function lastDrill(clusters: ClusterRestores[], namespaces?: Map<string, Set<string>>): RestoreView | undefined {
  let newest: RestoreView | undefined;
  for (const cluster of clusters) {
    const wanted = namespaces?.get(cluster.cluster);
    if (namespaces && !wanted) continue;
    for (const restore of cluster.restores) {
      const view = restoreView(cluster.cluster, restore);
      if (!view.drill) continue;
      const restored = [...Object.keys(restore.spec?.namespaceMapping ?? {}), ...(restore.spec?.includedNamespaces ?? [])];
      if (wanted && !restored.some(ns => wanted.has(ns))) continue;
      if (!newest || drillTime(view) > drillTime(newest)) newest = view;
    }
  }
  return newest;
}

/** Coverage of every namespace in the fleet (no filter), or of a scope with its RPO and last drill. */
export function backupCoverage(snapshots: ClusterSnapshot[], evaluator: BackupEvaluation, now: Date, scope?: BackupScope): CoverageResponse {
  if (!scope) {
    const facts = snapshots.map(s => evaluator.evaluate(s, now));
    const drill = lastDrill(facts.map(f => ({ cluster: f.objects.cluster, restores: f.restores })));
    return {
      namespaces: facts.flatMap(f => f.coverage.namespaces),
      ignoredSchedules: facts.flatMap(f => f.coverage.ignoredSchedules),
      ...(drill ? { lastDrill: drill } : {}),
    };
  }

  const response: CoverageResponse = { namespaces: [], ignoredSchedules: [] };
  const rpoResults: RpoResult[] = [];
  const restoresInScope: ClusterRestores[] = [];
  for (const snapshot of snapshots) {
    const namespaces = scope.namespaces.get(snapshot.name);
    if (!namespaces) continue;
    const { objects, restores } = evaluator.evaluate(snapshot, now);
    restoresInScope.push({ cluster: snapshot.name, restores });
    const input = coverageInput(snapshot, objects, namespaces);
    if (scope.includesWorkload) input.workloads = input.workloads.filter(scope.includesWorkload);
    const result = evaluateCoverage(input);
    response.namespaces.push(...result.namespaces);
    response.ignoredSchedules.push(...result.ignoredSchedules);
    if (scope.tier !== undefined) {
      for (const namespace of [...namespaces].sort()) {
        rpoResults.push(namespaceRpo(scope.tier, now, objects, namespace, input.workloads.filter(w => w.namespace === namespace)));
      }
    }
  }
  if (scope.tier !== undefined) {
    // Nowhere to be found is no backup at all: evaluateRpo says so about the entity itself.
    if (rpoResults.length === 0) rpoResults.push(evaluateRpo({ tier: scope.tier, now, object: scope.object, coveringSchedules: [], backups: [] }));
    response.rpo = combineRpo(scope.tier, rpoResults);
  }
  const drill = lastDrill(restoresInScope, scope.namespaces);
  if (drill) response.lastDrill = drill;
  return response;
}

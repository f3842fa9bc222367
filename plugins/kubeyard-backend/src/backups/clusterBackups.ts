import type { ClusterBackupsResponse } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { BackupEvaluation } from './BackupEvaluator';
import { sortFindings } from './backupsSummary';
import { backupView, newestFirst, restoreView, scheduleView, storageLocationView } from './backupViews';

/** GET /backups/clusters/:name: one cluster's locations, schedules, backups (newest first), restores and findings. */
export function clusterBackups(snapshot: ClusterSnapshot, evaluator: BackupEvaluation, now: Date): ClusterBackupsResponse {
  const { objects, findings } = evaluator.evaluate(snapshot, now);
  const cluster = snapshot.name;
  const restores = objects.restores.map(r => restoreView(cluster, r));
  const restoreTime = (r: (typeof restores)[number]) => Date.parse(r.startTimestamp ?? r.completionTimestamp ?? '') || 0;
  return {
    cluster,
    sync: snapshot.sync,
    locations: objects.storageLocations.map(l => storageLocationView(cluster, l)),
    schedules: objects.schedules.map(s => scheduleView(cluster, s, now)),
    backups: objects.backups.map(b => backupView(cluster, b)).sort(newestFirst),
    restores: restores.sort((a, b) => restoreTime(b) - restoreTime(a) || a.name.localeCompare(b.name)),
    findings: sortFindings(findings),
  };
}

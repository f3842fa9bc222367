import type { RestoreDrillsResponse, RestoreView } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { BackupEvaluation } from './BackupEvaluator';
import { restoreView } from './backupViews';

const time = (drill: RestoreView) => Date.parse(drill.completionTimestamp ?? drill.startTimestamp ?? '') || 0;

/**
 * GET /backups/restore-drills: every restore drill of the fleet (isRestoreDrill), newest first;
 * with the evaluator's recorded drills, those whose Restore Velero has deleted too.
 */
export function restoreDrillHistory(snapshots: ClusterSnapshot[], evaluator: BackupEvaluation, now: Date): RestoreDrillsResponse {
  const drills = snapshots.flatMap(snapshot =>
    evaluator
      .evaluate(snapshot, now)
      .restores.map(restore => restoreView(snapshot.name, restore))
      .filter(view => view.drill),
  );
  return { drills: drills.sort((a, b) => time(b) - time(a) || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name)) };
}

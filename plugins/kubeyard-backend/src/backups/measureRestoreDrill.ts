/*
 * A finished drill's result: the measured RTO (the Restore's creation to the later of its
 * completion and the moment the last restored pod became Ready, all on the cluster's clock)
 * against the tier's RTO.
 */
import { RESTORE_DRILL_ANNOTATIONS, type RestoreDrillRecord, type VeleroRestore } from '@kubeyard/backstage-plugin-kubeyard-common';
import { millis } from './backupViews';
import type { RestoredPods } from './restoredPods';

/** The record of a drill whose Restore is in a final phase; `pods` undefined when they were not observed. */
export function measureRestoreDrill(restore: VeleroRestore, pods: RestoredPods | undefined, cleanup: string, recordedAt: Date): RestoreDrillRecord {
  const annotations = restore.metadata.annotations ?? {};
  const tier = Number(annotations[RESTORE_DRILL_ANNOTATIONS.tier]) || undefined;
  const tierRtoMs = Number(annotations[RESTORE_DRILL_ANNOTATIONS.tierRtoMs]) || undefined;
  const phase = restore.status?.phase;
  const created = millis(restore.metadata.creationTimestamp) ?? millis(restore.status?.startTimestamp);
  const completed = millis(restore.status?.completionTimestamp);
  const restored = phase === 'Completed' || phase === 'PartiallyFailed';
  const record: RestoreDrillRecord = { compliant: false, cleanup, recordedAt: recordedAt.toISOString() };
  if (tier !== undefined) record.tier = tier;
  if (tierRtoMs !== undefined) record.tierRtoMs = tierRtoMs;
  if (pods) record.podsReady = { ready: pods.ready, total: pods.total };
  if (!restored || created === undefined || completed === undefined) return record;
  record.restoreMs = Math.max(0, completed - created);
  // Without every pod Ready the service is not back: no RTO to report.
  if (!pods || pods.ready < pods.total) return record;
  record.rtoMs = Math.max(0, Math.max(completed, pods.readyAt ?? completed) - created);
  record.compliant = phase === 'Completed' && tierRtoMs !== undefined && record.rtoMs <= tierRtoMs;
  return record;
}

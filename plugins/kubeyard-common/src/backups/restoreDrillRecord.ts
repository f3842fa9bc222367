/*
 * The result of a restore drill, kept on its Restore as annotations: the cluster-side record,
 * which every backend instance sees. It goes when Velero removes the Restore together with its
 * backup, so the backend also keeps each result in its database (kubeyard-backend's
 * RestoreDrillStore) and the backups views read both.
 */
import type { VeleroRestore } from './veleroTypes';

/** Annotations a restore drill's result is written to. */
export const RESTORE_DRILL_ANNOTATIONS = {
  /** Measured RTO in ms: the Restore's creation to the later of Completed and every restored pod Ready. */
  rtoMs: 'kubeyard.io/restore-drill-rto-ms',
  /** The Restore's creation to its completion, in ms. */
  restoreMs: 'kubeyard.io/restore-drill-restore-ms',
  /** `ready/total` restored pods Ready when the drill was measured. */
  podsReady: 'kubeyard.io/restore-drill-pods-ready',
  /** The backup tier the drill was measured against. */
  tier: 'kubeyard.io/restore-drill-tier',
  /** That tier's RTO in ms. */
  tierRtoMs: 'kubeyard.io/restore-drill-tier-rto-ms',
  /** `true` when the drill succeeded within the tier's RTO. */
  compliant: 'kubeyard.io/restore-drill-compliant',
  /** `true` when the restored namespace is to be kept. */
  keep: 'kubeyard.io/restore-drill-keep',
  /** What happened to the restored namespace: `deleted`, `kept`, or the error deleting it. */
  cleanup: 'kubeyard.io/restore-drill-cleanup',
  /** When the result was written (RFC 3339, the backend's clock). */
  recordedAt: 'kubeyard.io/restore-drill-recorded-at',
  /** Who asked for the drill. */
  requestedBy: 'kubeyard.io/restore-drill-requested-by',
  /** `true` when the Restore had not reached a final phase within the drill's time limit. */
  timedOut: 'kubeyard.io/restore-drill-timed-out',
} as const;

/**
 * The label naming the namespace a drill restores (the source, not `<ns>-restored`): on the
 * drill's Restore and on the `<ns>-restored` namespace Kubeyard creates for it.
 */
export const RESTORE_DRILL_NAMESPACE_LABEL = 'kubeyard.io/restore-drill-namespace';

/**
 * The label naming the Restore a `<ns>-restored` namespace was created for. Kubeyard deletes
 * a drill namespace only when it carries this label with the drill's own Restore name (Velero
 * puts no label of its own on a namespace it creates for a namespaceMapping).
 */
export const RESTORE_DRILL_RESTORE_LABEL = 'kubeyard.io/restore-drill-restore';

/** What a drill's cleanup is while a timed-out Restore has not reached a final phase. */
export const RESTORE_DRILL_CLEANUP_PENDING = 'pending: the Restore had not finished; the namespace is removed once it has';

/** A recorded drill result. */
export interface RestoreDrillRecord {
  /** Measured RTO in ms; absent when the restore did not succeed. */
  rtoMs?: number;
  restoreMs?: number;
  podsReady?: { ready: number; total: number };
  tier?: number;
  tierRtoMs?: number;
  compliant: boolean;
  /** The Restore had not reached a final phase within the drill's time limit. */
  timedOut?: boolean;
  cleanup?: string;
  recordedAt: string;
}

const number = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);

/** The drill result recorded on a Restore, or undefined while the drill has not been recorded. */
export function restoreDrillRecordOf(restore: Pick<VeleroRestore, 'metadata'>): RestoreDrillRecord | undefined {
  const a = restore.metadata.annotations ?? {};
  const recordedAt = a[RESTORE_DRILL_ANNOTATIONS.recordedAt];
  if (!recordedAt) return undefined;
  const pods = /^(\d+)\/(\d+)$/.exec(a[RESTORE_DRILL_ANNOTATIONS.podsReady] ?? '');
  const record: RestoreDrillRecord = { compliant: a[RESTORE_DRILL_ANNOTATIONS.compliant] === 'true', recordedAt };
  const rtoMs = number(a[RESTORE_DRILL_ANNOTATIONS.rtoMs]);
  const restoreMs = number(a[RESTORE_DRILL_ANNOTATIONS.restoreMs]);
  const tier = number(a[RESTORE_DRILL_ANNOTATIONS.tier]);
  const tierRtoMs = number(a[RESTORE_DRILL_ANNOTATIONS.tierRtoMs]);
  if (rtoMs !== undefined) record.rtoMs = rtoMs;
  if (restoreMs !== undefined) record.restoreMs = restoreMs;
  if (pods) record.podsReady = { ready: Number(pods[1]), total: Number(pods[2]) };
  if (tier !== undefined) record.tier = tier;
  if (tierRtoMs !== undefined) record.tierRtoMs = tierRtoMs;
  if (a[RESTORE_DRILL_ANNOTATIONS.timedOut] === 'true') record.timedOut = true;
  if (a[RESTORE_DRILL_ANNOTATIONS.cleanup]) record.cleanup = a[RESTORE_DRILL_ANNOTATIONS.cleanup];
  return record;
}

/** The annotations that record a drill result (what restoreDrillRecordOf reads back). */
export function restoreDrillAnnotations(record: RestoreDrillRecord): Record<string, string> {
  const out: Record<string, string> = {
    [RESTORE_DRILL_ANNOTATIONS.compliant]: String(record.compliant),
    [RESTORE_DRILL_ANNOTATIONS.recordedAt]: record.recordedAt,
  };
  if (record.rtoMs !== undefined) out[RESTORE_DRILL_ANNOTATIONS.rtoMs] = String(Math.round(record.rtoMs));
  if (record.restoreMs !== undefined) out[RESTORE_DRILL_ANNOTATIONS.restoreMs] = String(Math.round(record.restoreMs));
  if (record.podsReady) out[RESTORE_DRILL_ANNOTATIONS.podsReady] = `${record.podsReady.ready}/${record.podsReady.total}`;
  if (record.tier !== undefined) out[RESTORE_DRILL_ANNOTATIONS.tier] = String(record.tier);
  if (record.tierRtoMs !== undefined) out[RESTORE_DRILL_ANNOTATIONS.tierRtoMs] = String(record.tierRtoMs);
  if (record.timedOut) out[RESTORE_DRILL_ANNOTATIONS.timedOut] = 'true';
  if (record.cleanup) out[RESTORE_DRILL_ANNOTATIONS.cleanup] = record.cleanup;
  return out;
}

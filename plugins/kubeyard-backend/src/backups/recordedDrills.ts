/*
 * Restore drills as the database keeps them, and back: a recorded drill whose Restore Velero
 * has deleted (with its backup) is shown, counted for the drill cadence and found as a tenant's
 * last drill from a Restore rebuilt out of its row; a Restore still in the index takes the
 * database's record, which is the one written for sure.
 */
import {
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  RESTORE_DRILL_ANNOTATIONS,
  RESTORE_DRILL_LABEL,
  RESTORE_DRILL_NAMESPACE_LABEL,
  restoreDrillAnnotations,
  type RestoreDrillRecord,
  type RestorePhase,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { timestamp } from './backupViews';
import { drilledNamespaceOf } from './restoreDrillOperation';

/** One drill as recorded in the plugin database, keyed by cluster and Restore name. */
export interface RecordedRestoreDrill {
  cluster: string;
  restoreName: string;
  veleroNamespace: string;
  restoreUid?: string;
  /** The drilled namespace (restored into `<namespace>-restored`). */
  namespace: string;
  tenant?: string;
  backupName?: string;
  phase?: RestorePhase;
  createdAt?: string;
  startTimestamp?: string;
  completionTimestamp?: string;
  keep: boolean;
  requestedBy?: string;
  record: RestoreDrillRecord;
}

/** The row for a drill recorded on `restore` (as read when the record was written). */
export function recordedDrillOf(cluster: string, restore: VeleroRestore, record: RestoreDrillRecord): RecordedRestoreDrill {
  const { metadata, spec, status } = restore;
  const annotations = metadata.annotations ?? {};
  const drill: RecordedRestoreDrill = {
    cluster,
    restoreName: metadata.name,
    veleroNamespace: metadata.namespace ?? '',
    namespace: drilledNamespaceOf(restore),
    keep: annotations[RESTORE_DRILL_ANNOTATIONS.keep] === 'true',
    record,
  };
  const optional: Partial<RecordedRestoreDrill> = {
    restoreUid: metadata.uid,
    tenant: metadata.labels?.[KUBEYARD_LABELS.tenant],
    backupName: spec?.backupName,
    phase: status?.phase,
    createdAt: timestamp(metadata.creationTimestamp),
    startTimestamp: timestamp(status?.startTimestamp),
    completionTimestamp: timestamp(status?.completionTimestamp),
    requestedBy: annotations[RESTORE_DRILL_ANNOTATIONS.requestedBy],
  };
  for (const [key, value] of Object.entries(optional)) if (value) (drill as unknown as Record<string, unknown>)[key] = value;
  return drill;
}

/** The Restore a recorded drill was: what the views and the drill-overdue rule read. */
export function restoreOfRecordedDrill(drill: RecordedRestoreDrill): VeleroRestore {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name: drill.restoreName,
      namespace: drill.veleroNamespace,
      ...(drill.restoreUid ? { uid: drill.restoreUid } : {}),
      ...(drill.createdAt ? { creationTimestamp: drill.createdAt } : {}),
      labels: {
        [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER,
        [RESTORE_DRILL_LABEL]: 'true',
        [RESTORE_DRILL_NAMESPACE_LABEL]: drill.namespace,
        ...(drill.tenant ? { [KUBEYARD_LABELS.tenant]: drill.tenant } : {}),
      },
      annotations: {
        [RESTORE_DRILL_ANNOTATIONS.keep]: String(drill.keep),
        ...(drill.requestedBy ? { [RESTORE_DRILL_ANNOTATIONS.requestedBy]: drill.requestedBy } : {}),
        ...restoreDrillAnnotations(drill.record),
      },
    },
    spec: {
      ...(drill.backupName ? { backupName: drill.backupName } : {}),
      includedNamespaces: [drill.namespace],
      namespaceMapping: { [drill.namespace]: `${drill.namespace}-restored` },
    },
    status: {
      ...(drill.phase ? { phase: drill.phase } : {}),
      ...(drill.startTimestamp ? { startTimestamp: drill.startTimestamp } : {}),
      ...(drill.completionTimestamp ? { completionTimestamp: drill.completionTimestamp } : {}),
    },
  };
}

/** The annotations a record replaces: a stale optional one (e.g. a pending cleanup) must not survive. */
const RESULT_ANNOTATIONS = ['rtoMs', 'restoreMs', 'podsReady', 'compliant', 'timedOut', 'cleanup', 'recordedAt'] as const;

/**
 * A cluster's Restores with its recorded drills: an indexed Restore takes its row's record, and
 * a recorded drill whose Restore is gone comes back rebuilt from its row.
 */
export function withRecordedDrills(restores: VeleroRestore[], recorded: RecordedRestoreDrill[]): VeleroRestore[] {
  if (recorded.length === 0) return restores;
  const rows = new Map(recorded.map(drill => [drill.restoreName, drill]));
  const merged = restores.map(restore => {
    const drill = rows.get(restore.metadata.name);
    if (!drill) return restore;
    rows.delete(restore.metadata.name);
    const annotations = { ...restore.metadata.annotations };
    for (const key of RESULT_ANNOTATIONS) delete annotations[RESTORE_DRILL_ANNOTATIONS[key]];
    return { ...restore, metadata: { ...restore.metadata, annotations: { ...annotations, ...restoreDrillAnnotations(drill.record) } } };
  });
  return [...merged, ...[...rows.values()].map(restoreOfRecordedDrill)];
}

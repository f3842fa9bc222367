import {
  isFinalRestorePhase,
  KUBEYARD_LABELS,
  RESTORE_DRILL_ANNOTATIONS,
  RESTORE_DRILL_NAMESPACE_LABEL,
  restoreDrillRecordOf,
  type RestoreDrillOperation,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { timestamp } from './backupViews';
import type { RestoredPods } from './restoredPods';

const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** The namespace a drill restores: its label, else the first namespaceMapping source. */
export function drilledNamespaceOf(restore: VeleroRestore): string {
  return restore.metadata.labels?.[RESTORE_DRILL_NAMESPACE_LABEL] ?? Object.keys(restore.spec?.namespaceMapping ?? {})[0] ?? '';
}

/** A drill as the API shows it, read from its Restore; `pods` is the restored namespace now (while verifying). */
export function restoreDrillOperation(cluster: string, restore: VeleroRestore, pods?: RestoredPods): RestoreDrillOperation {
  const annotations = restore.metadata.annotations ?? {};
  const status = restore.status ?? {};
  const namespace = drilledNamespaceOf(restore);
  const record = restoreDrillRecordOf(restore);
  const tier = number(annotations[RESTORE_DRILL_ANNOTATIONS.tier]);
  const tierRtoMs = number(annotations[RESTORE_DRILL_ANNOTATIONS.tierRtoMs]);
  const podsReady = record?.podsReady ?? (pods ? { ready: pods.ready, total: pods.total } : undefined);
  let stage: RestoreDrillOperation['stage'] = 'restoring';
  if (record) stage = 'done';
  else if (isFinalRestorePhase(status.phase)) stage = 'verifying';
  return {
    id: `${cluster}/${restore.metadata.name}`,
    tenant: restore.metadata.labels?.[KUBEYARD_LABELS.tenant] ?? '',
    cluster,
    veleroNamespace: restore.metadata.namespace ?? '',
    restoreName: restore.metadata.name,
    ...(restore.spec?.backupName ? { backupName: restore.spec.backupName } : {}),
    namespace,
    restoredNamespace: restore.spec?.namespaceMapping?.[namespace] ?? `${namespace}-restored`,
    keep: annotations[RESTORE_DRILL_ANNOTATIONS.keep] === 'true',
    stage,
    ...(status.phase ? { phase: status.phase } : {}),
    ...(status.progress ? { progress: status.progress } : {}),
    ...(status.errors !== undefined ? { errors: status.errors } : {}),
    ...(status.warnings !== undefined ? { warnings: status.warnings } : {}),
    ...(status.failureReason ? { failureReason: status.failureReason } : {}),
    ...(status.validationErrors?.length ? { validationErrors: status.validationErrors } : {}),
    ...(timestamp(restore.metadata.creationTimestamp) ? { createdAt: timestamp(restore.metadata.creationTimestamp) } : {}),
    ...(status.completionTimestamp ? { completionTimestamp: status.completionTimestamp } : {}),
    ...(podsReady ? { podsReady } : {}),
    ...(tier !== undefined ? { tier } : {}),
    ...(tierRtoMs !== undefined ? { tierRtoMs } : {}),
    ...(record ? { record } : {}),
  };
}

/*
 * Velero objects → the API's view types (kubeyard-common/src/api/backupTypes.ts). Pure: the
 * time a schedule next runs is computed against the `now` passed in.
 */
import {
  isRestoreDrill,
  restoreDrillRecordOf,
  nextRun,
  scheduleNameOf,
  tryScheduleInterval,
  type BackupView,
  type RestoreView,
  type ScheduleView,
  type StorageLocationView,
  type StructuredLabelSelector,
  type VeleroBackup,
  type VeleroBackupStorageLocation,
  type VeleroRestore,
  type VeleroSchedule,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/** An RFC 3339 string from whatever the client library handed over (string or Date). */
export function timestamp(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Milliseconds since the epoch of a timestamp, or undefined. */
export function millis(value: unknown): number | undefined {
  const text = timestamp(value);
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `backup=true,tier in (a,b)`: the string form of a structured selector. */
export function selectorString(selector: StructuredLabelSelector | null | undefined): string | undefined {
  if (!selector) return undefined;
  const terms = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (operator === 'In') terms.push(`${key} in (${values.join(',')})`);
    else if (operator === 'NotIn') terms.push(`${key} notin (${values.join(',')})`);
    else if (operator === 'Exists') terms.push(key);
    else if (operator === 'DoesNotExist') terms.push(`!${key}`);
  }
  return terms.length > 0 ? terms.join(',') : undefined;
}

/** A BackupStorageLocation as the API shows it. */
export function storageLocationView(cluster: string, location: VeleroBackupStorageLocation): StorageLocationView {
  const { spec, status } = location;
  return {
    cluster,
    name: location.metadata.name,
    provider: spec?.provider,
    bucket: spec?.objectStorage?.bucket,
    prefix: spec?.objectStorage?.prefix,
    region: spec?.config?.region,
    default: Boolean(spec?.default),
    phase: status?.phase,
    lastValidationTime: timestamp(status?.lastValidationTime),
    message: status?.message,
  };
}

/** A Schedule with its next run and interval computed from its cron. */
export function scheduleView(cluster: string, schedule: VeleroSchedule, now: Date): ScheduleView {
  const spec = schedule.spec ?? ({} as VeleroSchedule['spec']);
  const template = spec.template ?? {};
  const cron = spec.schedule ?? '';
  const paused = Boolean(spec.paused);
  const intervalMs = schedule.status?.phase === 'FailedValidation' ? undefined : tryScheduleInterval(cron, now);
  let next: string | undefined;
  if (!paused && intervalMs !== undefined) {
    try {
      next = nextRun(cron, now).toISOString();
    } catch {
      next = undefined;
    }
  }
  return {
    cluster,
    namespace: schedule.metadata.namespace ?? '',
    name: schedule.metadata.name,
    cron,
    paused,
    phase: schedule.status?.phase,
    lastBackup: timestamp(schedule.status?.lastBackup),
    ...(next ? { nextRun: next } : {}),
    ...(intervalMs !== undefined ? { intervalMs } : {}),
    includedNamespaces: template.includedNamespaces ?? [],
    excludedNamespaces: template.excludedNamespaces ?? [],
    labelSelector: selectorString(template.labelSelector),
    ttl: template.ttl,
    validationErrors: schedule.status?.validationErrors,
  };
}

/** A Backup, trimmed. */
export function backupView(cluster: string, backup: VeleroBackup): BackupView {
  const status = backup.status ?? {};
  return {
    cluster,
    namespace: backup.metadata.namespace ?? '',
    name: backup.metadata.name,
    phase: status.phase,
    scheduleName: scheduleNameOf(backup),
    storageLocation: backup.spec?.storageLocation,
    includedNamespaces: backup.spec?.includedNamespaces ?? [],
    startTimestamp: timestamp(status.startTimestamp) ?? timestamp(backup.metadata.creationTimestamp),
    completionTimestamp: timestamp(status.completionTimestamp),
    expiration: timestamp(status.expiration),
    errors: status.errors,
    warnings: status.warnings,
    progress: status.progress,
  };
}

/** A Restore, trimmed, with its duration (the measured RTO of a drill). */
export function restoreView(cluster: string, restore: VeleroRestore): RestoreView {
  const status = restore.status ?? {};
  const start = millis(status.startTimestamp);
  const end = millis(status.completionTimestamp);
  const record = restoreDrillRecordOf(restore);
  return {
    cluster,
    namespace: restore.metadata.namespace ?? '',
    name: restore.metadata.name,
    backupName: restore.spec?.backupName,
    phase: status.phase,
    namespaceMapping: restore.spec?.namespaceMapping,
    startTimestamp: timestamp(status.startTimestamp),
    completionTimestamp: timestamp(status.completionTimestamp),
    ...(start !== undefined && end !== undefined ? { durationMs: end - start } : {}),
    drill: isRestoreDrill(restore),
    ...(record ? { record } : {}),
  };
}

/** When a backup happened, for sorting and time windows: start, else creation. */
export function backupViewTime(backup: BackupView): number {
  return millis(backup.startTimestamp) ?? millis(backup.completionTimestamp) ?? 0;
}

/** Newest first. */
export function newestFirst(a: BackupView, b: BackupView): number {
  return backupViewTime(b) - backupViewTime(a) || a.name.localeCompare(b.name);
}

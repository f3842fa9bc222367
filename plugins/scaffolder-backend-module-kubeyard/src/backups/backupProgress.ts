import type { ClusterBackupStatus, TenantBackupOperation } from '@kubeyard/backstage-plugin-kubeyard-common';

/** A task log line for one cluster's Backup: phase, items, and what went wrong. */
export function backupProgressLine(status: ClusterBackupStatus): string {
  const items = status.progress?.totalItems ? `: ${status.progress.itemsBackedUp ?? 0}/${status.progress.totalItems} items backed up` : '';
  const counts = [status.errors ? `${status.errors} errors` : '', status.warnings ? `${status.warnings} warnings` : ''].filter(Boolean).join(', ');
  const reasons = [status.failureReason, ...(status.validationErrors ?? [])].filter(Boolean).join('; ');
  return `[${status.cluster}] Backup ${status.name} ${status.phase ?? 'New'}${items}${counts ? ` (${counts})` : ''}${reasons ? ` — ${reasons}` : ''}`;
}

/** Why an operation did not complete, per cluster that did not. */
export function backupFailures(operation: TenantBackupOperation): string {
  return operation.clusters
    .filter(c => c.phase !== 'Completed')
    .map(c => `${c.cluster}: ${c.phase}${c.failureReason || c.validationErrors?.length ? ` (${[c.failureReason, ...(c.validationErrors ?? [])].filter(Boolean).join('; ')})` : ''}`)
    .join('; ');
}

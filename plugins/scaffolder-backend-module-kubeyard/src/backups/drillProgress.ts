import { describeDuration, type RestoreDrillOperation } from '@kubeyard/backstage-plugin-kubeyard-common';

/** A task log line for a drill: stage, Velero phase, items restored, pods Ready. */
export function drillProgressLine(drill: RestoreDrillOperation): string {
  const items = drill.progress?.totalItems ? `, ${drill.progress.itemsRestored ?? 0}/${drill.progress.totalItems} items restored` : '';
  const pods = drill.podsReady ? `, ${drill.podsReady.ready}/${drill.podsReady.total} pods Ready` : '';
  const reasons = [drill.failureReason, ...(drill.validationErrors ?? [])].filter(Boolean).join('; ');
  return `Restore ${drill.restoreName} into ${drill.restoredNamespace}: ${drill.stage}, ${drill.phase ?? 'New'}${items}${pods}${reasons ? ` — ${reasons}` : ''}`;
}

/** `12m 5s`, or `unknown` when there is no measurement. */
export function durationText(ms: number | undefined): string {
  return ms === undefined ? 'unknown' : describeDuration(ms);
}

import type { GaugePropsGetColor } from '@backstage/core-components';
import { formatPercent } from '../../format';

/** From this share of a ResourceQuota used, a tenant is warned: the next rollout may not fit. */
export const QUOTA_WARNING = 0.8;

/** From this share used, new pods are about to be rejected by quota admission. */
export const QUOTA_CRITICAL = 0.9;

/** How close a used/hard ratio is to the quota. */
export type QuotaLevel = 'ok' | 'warning' | 'critical';

/** The level of a used/hard ratio: warning at 80 %, critical at 90 %. */
export function quotaLevel(ratio: number): QuotaLevel {
  if (ratio >= QUOTA_CRITICAL) return 'critical';
  if (ratio >= QUOTA_WARNING) return 'warning';
  return 'ok';
}

/**
 * The alert of a used/hard ratio, undefined below 80 %: `93% of quota used: new pods may
 * be rejected`. `subject` names what is used, e.g. `requests.cpu`.
 */
export function quotaAlertText(
  ratio: number,
  subject: string = 'quota',
): string | undefined {
  switch (quotaLevel(ratio)) {
    case 'critical':
      return `${formatPercent(
        ratio,
      )} of ${subject} used: new pods may be rejected`;
    case 'warning':
      return `${formatPercent(ratio)} of ${subject} used: running low`;
    default:
      return undefined;
  }
}

/** Gauge colours of quota usage (the gauge passes percent): orange at 80 %, red at 90 %. */
export const quotaColor: GaugePropsGetColor = ({ palette, value }) => {
  if (Number.isNaN(value)) return palette.status.pending;
  switch (quotaLevel(value / 100)) {
    case 'critical':
      return palette.status.error;
    case 'warning':
      return palette.status.warning;
    default:
      return palette.status.ok;
  }
};

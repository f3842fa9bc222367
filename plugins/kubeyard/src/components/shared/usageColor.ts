import type { GaugePropsGetColor } from '@backstage/core-components';

/**
 * Colours requested-vs-allocatable usage: past 70% scheduling gets tight, past 90% new
 * pods stay Pending. Backstage's default gauge colours treat high values as good.
 */
export const usageColor: GaugePropsGetColor = ({ palette, value }) => {
  if (Number.isNaN(value)) return palette.status.pending;
  if (value >= 90) return palette.status.error;
  if (value >= 70) return palette.status.warning;
  return palette.status.ok;
};

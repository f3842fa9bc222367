import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { TenantSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatPercent, pluralize } from '../../format';
import { QUOTA_WARNING, quotaLevel } from '../shared';

/**
 * One banner naming the tenants at or above 80 % of a quota, fullest first; red when one
 * is at 90 %, where new pods start being rejected.
 */
export function QuotaAlerts(props: { tenants: TenantSummary[] }) {
  const pressed = props.tenants
    .filter(t => (t.quotaPressure ?? 0) >= QUOTA_WARNING)
    .sort((a, b) => (b.quotaPressure ?? 0) - (a.quotaPressure ?? 0));
  if (pressed.length === 0) return null;
  const critical = pressed.some(
    t => quotaLevel(t.quotaPressure ?? 0) === 'critical',
  );
  return (
    <Box mb={2}>
      <Alert severity={critical ? 'error' : 'warning'}>
        {pluralize(pressed.length, 'tenant')} close to{' '}
        {pressed.length === 1 ? 'its' : 'their'} quota:{' '}
        {pressed
          .map(t => `${t.name} ${formatPercent(t.quotaPressure ?? 0)}`)
          .join(', ')}
        . Raise the tier or the quota overrides before workloads stop
        scheduling.
      </Alert>
    </Box>
  );
}

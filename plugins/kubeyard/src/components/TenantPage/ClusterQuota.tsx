import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TenantClusterStatus } from '@kubeyard/backstage-plugin-kubeyard-common';
import { pluralize } from '../../format';
import { QuotaBar, quotaUsage } from '../shared';

/** A tenant's ResourceQuota on one cluster: one bar per key, fullest first, alerts at 80/90 %. */
export function ClusterQuota(props: {
  quota?: TenantClusterStatus['quota'];
  /** Shows only the fullest keys, e.g. 3 on a card; the rest are counted. */
  limit?: number;
}) {
  const { quota, limit } = props;
  if (!quota || Object.keys(quota.hard).length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No ResourceQuota reported on this cluster.
      </Typography>
    );
  }
  const rows = quotaUsage(quota);
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <>
      <Box
        display="grid"
        gridTemplateColumns="repeat(auto-fill, minmax(220px, 1fr))"
        gridGap={16}
      >
        {shown.map(row => (
          <QuotaBar
            key={row.key}
            ratio={row.ratio}
            label={row.key}
            detail={row.text}
          />
        ))}
      </Box>
      {shown.length < rows.length && (
        <Typography variant="caption" color="textSecondary">
          and {pluralize(rows.length - shown.length, 'more quota key')}, less
          full
        </Typography>
      )}
    </>
  );
}

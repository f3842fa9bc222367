import { LinearGauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../format';
import { usageColor } from './usageColor';

/** Requested vs allocatable as a bar with `28.5 cores of 46 cores (62%)` under it. */
export function UsageBar(props: {
  requested: number;
  allocatable: number;
  format: (value: number) => string;
}) {
  const { requested, allocatable, format } = props;
  if (!(allocatable > 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  const ratio = requested / allocatable;
  return (
    <Box minWidth={140}>
      <LinearGauge value={ratio} getColor={usageColor} />
      <Typography variant="caption" color="textSecondary" component="div">
        {format(requested)} of {format(allocatable)} ({formatPercent(ratio)})
      </Typography>
    </Box>
  );
}

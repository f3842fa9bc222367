import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterStatus,
  ClusterSummary,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { pluralize } from '../../format';
import { StatusChip, StatusTone } from '../shared';

const STATUSES: Array<{ status: ClusterStatus; tone: StatusTone }> = [
  { status: 'healthy', tone: 'ok' },
  { status: 'degraded', tone: 'warning' },
  { status: 'unreachable', tone: 'error' },
  { status: 'unknown', tone: 'neutral' },
];

/** One line over the fleet table: clusters by status, nodes and pods in total. */
export function FleetSummary(props: { clusters: ClusterSummary[] }) {
  const { clusters } = props;
  const nodes = clusters.reduce((sum, c) => sum + c.nodes.total, 0);
  const readyNodes = clusters.reduce((sum, c) => sum + c.nodes.ready, 0);
  const pods = clusters.reduce((sum, c) => sum + c.pods, 0);
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      mb={2}
      style={{ gap: 8 }}
    >
      <Typography variant="body1">
        {pluralize(clusters.length, 'cluster')}, {pluralize(nodes, 'node')} (
        {readyNodes} ready), {pluralize(pods, 'pod')}
      </Typography>
      {STATUSES.map(({ status, tone }) => {
        const count = clusters.filter(c => c.status === status).length;
        return count > 0 ? (
          <StatusChip key={status} tone={tone} label={`${count} ${status}`} />
        ) : null;
      })}
    </Box>
  );
}

import {
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { NodeInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatBytes, formatCores, pluralize } from '../../format';
import { StatusChip } from '../shared';
import { problemConditions } from './nodeConditions';

const columns: TableColumn<NodeInfo>[] = [
  {
    title: 'Node',
    field: 'name',
    highlight: true,
    cellStyle: { whiteSpace: 'nowrap' },
  },
  {
    title: 'Roles',
    field: 'roles',
    render: n => (n.roles.length ? n.roles.join(', ') : '—'),
  },
  {
    title: 'Ready',
    field: 'ready',
    render: n => (
      <Box display="flex" flexDirection="column" alignItems="flex-start">
        {n.ready ? (
          <StatusOK>Ready</StatusOK>
        ) : (
          <StatusError>NotReady</StatusError>
        )}
        {n.unschedulable && (
          <Typography variant="caption" color="textSecondary">
            cordoned
          </Typography>
        )}
      </Box>
    ),
  },
  {
    title: 'CPU allocatable / capacity',
    render: n =>
      `${formatCores(n.allocatable.cpuCores)} / ${formatCores(
        n.capacity.cpuCores,
      )}`,
  },
  {
    title: 'Memory allocatable / capacity',
    render: n =>
      `${formatBytes(n.allocatable.memoryBytes)} / ${formatBytes(
        n.capacity.memoryBytes,
      )}`,
  },
  {
    title: 'Pods allocatable / capacity',
    render: n => `${n.allocatable.pods} / ${n.capacity.pods}`,
  },
  {
    title: 'Taints',
    render: n =>
      n.taints.length === 0 ? (
        '—'
      ) : (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {n.taints.map(t => (
            <Chip
              key={`${t.key}:${t.effect}`}
              size="small"
              variant="outlined"
              label={`${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`}
            />
          ))}
        </Box>
      ),
  },
  {
    title: 'Conditions not OK',
    render: n => {
      const problems = problemConditions(n);
      if (problems.length === 0) return <StatusOK>none</StatusOK>;
      return (
        <Box
          display="flex"
          flexDirection="column"
          alignItems="flex-start"
          style={{ gap: 4 }}
        >
          {problems.map(c => (
            <StatusChip
              key={c.type}
              tone="error"
              label={`${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`}
              title={c.message}
            />
          ))}
        </Box>
      );
    },
  },
];

/** One availability zone and its nodes: roles, readiness, resources, taints, problems. */
export function ZoneCard(props: { zone: string; nodes: NodeInfo[] }) {
  const { zone, nodes } = props;
  const ready = nodes.filter(n => n.ready).length;
  return (
    <Table<NodeInfo>
      title={zone ? `Zone ${zone}` : 'Nodes without a zone label'}
      subtitle={`${pluralize(nodes.length, 'node')}, ${ready} ready`}
      columns={columns}
      data={nodes}
      options={{
        paging: nodes.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: false,
      }}
    />
  );
}

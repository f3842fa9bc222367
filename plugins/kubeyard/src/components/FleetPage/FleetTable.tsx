import {
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterStatus,
  ClusterSummary,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatBytes, formatCores } from '../../format';
import {
  ClusterLink,
  ClusterStatusChip,
  FindingCountChips,
  SyncChip,
  UsageBar,
} from '../shared';

// Worst first when sorting by status.
const STATUS_ORDER: Record<ClusterStatus, number> = {
  unreachable: 0,
  degraded: 1,
  unknown: 2,
  healthy: 3,
};

function ratio(requested: number, allocatable: number): number {
  return allocatable > 0 ? requested / allocatable : 0;
}

function findingWeight(c: ClusterSummary): number {
  return (
    c.findings.critical * 10_000 + c.findings.warning * 100 + c.findings.info
  );
}

const columns: TableColumn<ClusterSummary>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    cellStyle: { whiteSpace: 'nowrap' },
    render: c => <ClusterLink name={c.name} />,
  },
  {
    title: 'Status',
    field: 'status',
    customSort: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    render: c => <ClusterStatusChip status={c.status} />,
  },
  {
    title: 'Sync',
    field: 'sync.state',
    render: c => <SyncChip sync={c.sync} />,
  },
  { title: 'Version', field: 'version', emptyValue: '—' },
  {
    title: 'Nodes',
    field: 'nodes.total',
    customSort: (a, b) => a.nodes.total - b.nodes.total,
    render: c => {
      const text = `${c.nodes.ready}/${c.nodes.total} ready`;
      return c.nodes.ready < c.nodes.total ? (
        <StatusWarning>{text}</StatusWarning>
      ) : (
        <StatusOK>{text}</StatusOK>
      );
    },
  },
  {
    title: 'Zones',
    field: 'zones',
    customFilterAndSearch: (term, c) =>
      c.zones.some(z =>
        z
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
      ),
    customSort: (a, b) => a.zones.length - b.zones.length,
    render: c =>
      c.zones.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          none labelled
        </Typography>
      ) : (
        c.zones.join(', ')
      ),
  },
  {
    title: 'CPU requested',
    customSort: (a, b) =>
      ratio(a.cpu.requestedCores, a.cpu.allocatableCores) -
      ratio(b.cpu.requestedCores, b.cpu.allocatableCores),
    render: c => (
      <UsageBar
        requested={c.cpu.requestedCores}
        allocatable={c.cpu.allocatableCores}
        format={formatCores}
      />
    ),
  },
  {
    title: 'Memory requested',
    customSort: (a, b) =>
      ratio(a.memory.requestedBytes, a.memory.allocatableBytes) -
      ratio(b.memory.requestedBytes, b.memory.allocatableBytes),
    render: c => (
      <UsageBar
        requested={c.memory.requestedBytes}
        allocatable={c.memory.allocatableBytes}
        format={formatBytes}
      />
    ),
  },
  { title: 'Pods', field: 'pods', type: 'numeric' },
  { title: 'Namespaces', field: 'namespaces', type: 'numeric' },
  {
    title: 'Findings',
    customSort: (a, b) => findingWeight(a) - findingWeight(b),
    render: c => <FindingCountChips counts={c.findings} />,
  },
];

/** The clusters of the fleet, one row each. A cluster that is down shows its sync error. */
export function FleetTable(props: { clusters: ClusterSummary[] }) {
  const { clusters } = props;
  return (
    <Table<ClusterSummary>
      title={`Clusters (${clusters.length})`}
      columns={columns}
      data={clusters}
      options={{
        paging: clusters.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: true,
      }}
    />
  );
}

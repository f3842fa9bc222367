import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterBackupSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatPercent, formatRelativeTime } from '../../format';
import { FindingCountChips, StatusChip, SyncChip } from '../shared';
import { BackupClusterLink } from './BackupClusterLink';

const none = (text: string) => (
  <Typography variant="body2" color="textSecondary">
    {text}
  </Typography>
);

function findingWeight(c: ClusterBackupSummary): number {
  return c.findings.critical * 10_000 + c.findings.warning * 100 + c.findings.info;
}

const columns: TableColumn<ClusterBackupSummary>[] = [
  {
    title: 'Cluster',
    field: 'cluster',
    highlight: true,
    render: c => <BackupClusterLink cluster={c.cluster} />,
  },
  { title: 'Sync', render: c => <SyncChip sync={c.sync} /> },
  {
    title: 'Velero',
    render: c =>
      c.veleroInstalled ? (
        <StatusChip tone="ok" label="installed" />
      ) : (
        <StatusChip
          tone="neutral"
          label="not installed"
          title="The cluster serves no velero.io/v1 types"
        />
      ),
  },
  {
    title: 'Locations',
    customSort: (a, b) => a.locations.available - b.locations.available,
    render: c => {
      if (c.locations.total === 0) return none('none');
      const tone = c.locations.available === c.locations.total ? 'ok' : 'error';
      return (
        <StatusChip
          tone={tone}
          label={`${c.locations.available}/${c.locations.total} available`}
        />
      );
    },
  },
  {
    title: 'Schedules',
    customSort: (a, b) => a.schedules.active - b.schedules.active,
    render: c => {
      if (c.schedules.total === 0) return none('none');
      const parts = [`${c.schedules.active} active`];
      if (c.schedules.paused) parts.push(`${c.schedules.paused} paused`);
      if (c.schedules.invalid) parts.push(`${c.schedules.invalid} invalid`);
      return parts.join(', ');
    },
  },
  {
    title: 'Last 24 h',
    customSort: (a, b) => (a.last24h.successRate ?? -1) - (b.last24h.successRate ?? -1),
    render: c => {
      const { completed, partiallyFailed, failed, successRate } = c.last24h;
      if (successRate === undefined) return none('no backups finished');
      const tone = successRate === 1 ? 'ok' : successRate >= 0.9 ? 'warning' : 'error';
      return (
        <StatusChip
          tone={tone}
          label={`${formatPercent(successRate)} succeeded`}
          title={`${completed} Completed, ${partiallyFailed} PartiallyFailed, ${failed} Failed`}
        />
      );
    },
  },
  {
    title: 'Newest backup',
    customSort: (a, b) => Date.parse(a.newestCompleted ?? '0') - Date.parse(b.newestCompleted ?? '0'),
    render: c =>
      c.newestCompleted ? formatRelativeTime(c.newestCompleted) : none('none Completed'),
  },
  {
    title: 'Findings',
    customSort: (a, b) => findingWeight(a) - findingWeight(b),
    render: c => <FindingCountChips counts={c.findings} />,
  },
];

/** One row per cluster: Velero, its locations and schedules, the last day's success rate, findings. */
export function BackupClustersTable(props: { clusters: ClusterBackupSummary[] }) {
  const { clusters } = props;
  return (
    <Table<ClusterBackupSummary>
      title={`Clusters (${clusters.length})`}
      columns={columns}
      data={clusters}
      options={{ paging: clusters.length > 20, pageSize: 20, padding: 'dense', search: false }}
    />
  );
}

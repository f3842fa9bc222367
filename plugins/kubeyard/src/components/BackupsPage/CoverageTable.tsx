import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { CoverageStatus, NamespaceCoverage } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from '../shared';
import { BackupClusterLink } from './BackupClusterLink';

const STATUS_TONE: Record<CoverageStatus, StatusTone> = { covered: 'ok', partial: 'warning', uncovered: 'error' };
const STATUS_ORDER: Record<CoverageStatus, number> = { uncovered: 0, partial: 1, covered: 2 };

/** Why a workload is in no backup, in words. */
export const UNCOVERED_REASONS: Record<string, string> = {
  'no-active-schedule': 'no active schedule on the cluster',
  'namespace-excluded': 'namespace not included',
  'resource-excluded': 'resource type excluded',
  'labels-not-selected': 'labels not selected',
  'pods-not-selected': 'pods not selected',
  'volumes-excluded': 'volumes excluded',
};

/** A coverage status chip: covered, partial or uncovered. */
export function CoverageChip(props: { status: CoverageStatus }) {
  return <StatusChip tone={STATUS_TONE[props.status]} label={props.status} />;
}

/** Uncovered workloads with the reason each is left out. */
export function UncoveredWorkloads(props: { coverage: NamespaceCoverage }) {
  const { uncoveredWorkloads } = props.coverage;
  if (uncoveredWorkloads.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <>
      {uncoveredWorkloads.map(w => (
        <Typography key={`${w.kind}/${w.name}`} variant="body2">
          {w.kind} {w.name}{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            ({UNCOVERED_REASONS[w.reason] ?? w.reason})
          </Typography>
        </Typography>
      ))}
    </>
  );
}

const columns: TableColumn<NamespaceCoverage>[] = [
  { title: 'Cluster', field: 'cluster', render: c => <BackupClusterLink cluster={c.cluster} /> },
  { title: 'Namespace', field: 'namespace', highlight: true },
  {
    title: 'Status',
    field: 'status',
    customSort: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    render: c => <CoverageChip status={c.status} />,
  },
  {
    title: 'Schedules',
    render: c =>
      c.schedules.length > 0 ? (
        c.schedules.join(', ')
      ) : (
        <Typography variant="body2" color="textSecondary">
          none
        </Typography>
      ),
  },
  { title: 'Workloads', field: 'workloadCount', type: 'numeric' },
  { title: 'Uncovered workloads', render: c => <UncoveredWorkloads coverage={c} /> },
];

/** Every namespace's coverage, uncovered first. */
export function CoverageTable(props: { namespaces: NamespaceCoverage[] }) {
  const data = [...props.namespaces].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace),
  );
  return (
    <Table<NamespaceCoverage>
      title={`Coverage (${data.length} namespaces)`}
      columns={columns}
      data={data}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense', search: true }}
    />
  );
}

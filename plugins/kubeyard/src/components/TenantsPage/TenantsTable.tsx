import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TenantSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatRelativeTime } from '../../format';
import { ClusterLink, QuotaBar, TenantLink, TenantStatusChip } from '../shared';

// Worst first when sorting by status.
const STATUS_ORDER: Record<TenantSummary['status'], number> = {
  Failed: 0,
  Terminating: 1,
  Pending: 2,
  Active: 3,
};

const columns: TableColumn<TenantSummary>[] = [
  {
    title: 'Tenant',
    field: 'name',
    highlight: true,
    customFilterAndSearch: (term, t) =>
      `${t.name} ${t.displayName ?? ''}`
        .toLocaleLowerCase('en-US')
        .includes(String(term).toLocaleLowerCase('en-US')),
    render: t => (
      <Box>
        <TenantLink name={t.name} />
        {t.displayName && (
          <Typography variant="caption" color="textSecondary" component="div">
            {t.displayName}
          </Typography>
        )}
      </Box>
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: t => <EntityRefLink entityRef={t.owner} defaultKind="group" />,
  },
  {
    title: 'Clusters',
    field: 'clusters',
    customFilterAndSearch: (term, t) =>
      t.clusters.some(c =>
        c
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
      ),
    customSort: (a, b) => a.clusters.length - b.clusters.length,
    render: t => (
      <Box display="flex" flexDirection="column">
        {t.clusters.map(c => (
          <ClusterLink key={c} name={c} />
        ))}
      </Box>
    ),
  },
  { title: 'Tier', field: 'tier' },
  { title: 'Environment', field: 'environment' },
  { title: 'Isolation', field: 'isolation' },
  {
    title: 'Status',
    field: 'status',
    customSort: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    render: t => <TenantStatusChip status={t.status} />,
  },
  {
    title: 'Quota headroom',
    field: 'quotaPressure',
    customSort: (a, b) => (a.quotaPressure ?? -1) - (b.quotaPressure ?? -1),
    render: t => <QuotaBar ratio={t.quotaPressure} />,
  },
  {
    title: 'Updated',
    field: 'updatedAt',
    render: t => (
      <span title={t.updatedAt}>{formatRelativeTime(t.updatedAt)}</span>
    ),
  },
];

/** The tenants, one row each, with the quota pressure of their fullest quota key. */
export function TenantsTable(props: {
  tenants: TenantSummary[];
  /** Shown instead of rows, e.g. when a filter matches nothing. */
  emptyText?: string;
}) {
  const { tenants, emptyText = 'No tenants.' } = props;
  return (
    <Table<TenantSummary>
      title={`Tenants (${tenants.length})`}
      columns={columns}
      data={tenants}
      emptyContent={
        <Box p={2}>
          <Typography variant="body2" color="textSecondary">
            {emptyText}
          </Typography>
        </Box>
      }
      options={{
        paging: tenants.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: true,
      }}
    />
  );
}

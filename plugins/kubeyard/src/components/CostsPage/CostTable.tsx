import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type {
  CostAllocation,
  CostGroupBy,
  CostReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ReactNode } from 'react';
import {
  formatCores,
  formatCurrency,
  formatNumber,
  formatPercent,
} from '../../format';
import { ClusterLink, TenantLink } from '../shared';
import {
  allocationKind,
  GROUP_BY_LABELS,
  IDLE_REASON,
  unallocatedReason,
} from './costLabels';

const GiB = 1024 ** 3;

/** A table row: an allocation, or the totals row (first, so paging never hides it). */
type CostRow = CostAllocation & { isTotal?: boolean };

function GroupName(props: { row: CostRow; groupBy: CostGroupBy }) {
  const { row, groupBy } = props;
  const kind = allocationKind(row.name);
  if (row.isTotal) return <strong>Total</strong>;
  if (kind !== 'group') {
    return (
      <span data-kind={kind}>
        <strong>{row.label}</strong>
        <Typography variant="caption" color="textSecondary" component="div">
          {kind === 'idle' ? IDLE_REASON : unallocatedReason(groupBy)}
        </Typography>
      </span>
    );
  }
  switch (groupBy) {
    case 'owner':
      return (
        <EntityRefLink entityRef={row.name} defaultKind="group">
          {row.label}
        </EntityRefLink>
      );
    case 'tenant':
      return <TenantLink name={row.name}>{row.label}</TenantLink>;
    case 'cluster':
      return <ClusterLink name={row.name} />;
    default:
      return <>{row.label}</>;
  }
}

/** The OpenCost efficiency with what it is made of, or a dash when nothing was requested. */
function Efficiency(props: { row: CostRow }) {
  const { row } = props;
  if (row.efficiency === null)
    return <span title="Nothing was requested">—</span>;
  const title =
    `CPU: ${formatCores(row.cpuCoreRequestAverage)} requested, ${formatCores(
      row.cpuCoreUsageAverage,
    )} used on average; ` +
    `memory: ${formatNumber(
      row.ramByteRequestAverage / GiB,
    )} GiB requested, ${formatNumber(row.ramByteUsageAverage / GiB)} GiB used`;
  return <span title={title}>{formatPercent(row.efficiency)}</span>;
}

function columns(
  groupBy: CostGroupBy,
  currency: string,
): TableColumn<CostRow>[] {
  const bold = (row: CostRow, text: ReactNode) =>
    row.isTotal ? <strong>{text}</strong> : text;
  const money = (
    title: string,
    pick: (row: CostRow) => number,
  ): TableColumn<CostRow> => ({
    title,
    align: 'right',
    render: row => bold(row, formatCurrency(pick(row), currency)),
  });
  const hours = (
    title: string,
    pick: (row: CostRow) => number,
  ): TableColumn<CostRow> => ({
    title,
    align: 'right',
    render: row => bold(row, formatNumber(pick(row))),
  });
  return [
    {
      title: GROUP_BY_LABELS[groupBy],
      field: 'label',
      highlight: true,
      // Search narrows the groups but keeps the totals row.
      customFilterAndSearch: (term, row) =>
        !!row.isTotal ||
        `${row.label} ${row.name}`
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
      render: row => <GroupName row={row} groupBy={groupBy} />,
    },
    hours('CPU core-hours', r => r.cpuCoreHours),
    hours('RAM GiB-hours', r => r.ramByteHours / GiB),
    hours('PV GiB-hours', r => r.pvByteHours / GiB),
    money('CPU cost', r => r.cpuCost),
    money('RAM cost', r => r.ramCost),
    money('PV cost', r => r.pvCost),
    money('Shared cost', r => r.sharedCost),
    money('Total', r => r.totalCost),
    {
      title: 'Efficiency',
      align: 'right',
      render: row => bold(row, <Efficiency row={row} />),
    },
  ];
}

const PAGE_SIZE = 25;

/**
 * One row per group, most expensive first, after a totals row: OpenCost's quantities and
 * costs, and efficiency. Unallocated and idle rows say what they are.
 */
export function CostTable(props: { report: CostReport }) {
  const { report } = props;
  const { groupBy } = report.query;
  const rows: CostRow[] = [
    { ...report.totals, isTotal: true },
    ...report.groups,
  ];
  return (
    <Table<CostRow>
      title={`Costs by ${GROUP_BY_LABELS[groupBy].toLocaleLowerCase(
        'en-US',
      )} (${report.groups.length})`}
      columns={columns(groupBy, report.currency)}
      data={rows}
      options={{
        padding: 'dense',
        sorting: false,
        paging: rows.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        pageSizeOptions: [PAGE_SIZE, 50, 100],
        rowStyle: row =>
          row.isTotal ? { backgroundColor: 'rgba(127, 127, 127, 0.08)' } : {},
      }}
    />
  );
}

/*
 * GET /costs: reads the window's rows (summed in the database to the columns the report
 * needs), shares idle, aggregates in OpenCost's vocabulary, and adds budgets, findings,
 * sources and gaps. The caller's scope (owners) and the query's filters are applied in the
 * query when idle is kept apart; when idle is shared they are applied after sharing (the
 * shares depend on every namespace of a cluster), still inside the backend. Budgets are the
 * current UTC month's, left out when the report is narrowed below an owner or tenant (cluster,
 * namespace, workload) since their month-to-date would only count part of the spend.
 */
import {
  aggregateCosts,
  budgetFindings,
  dailyThresholdFindings,
  defaultCostLabel,
  hourStartMs,
  wasteFindings,
  type CostGroupBy,
  type CostHourRow,
  type CostReport,
  type CostSourceStatus,
  type Finding,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { RequestValidationError } from '../tenants/routeHelpers';
import { costBudgets, type BudgetTenant } from './costBudgets';
import type { CostCatalog, CostGroup } from './costCatalog';
import type { CostConfig } from './costConfig';
import type { CostScope } from './costPermissions';
import { KEY_COLUMNS, type KeyColumn } from './costRows';
import type { CostStore } from './CostStore';
import { hourlyDetailProblems, hourlyRetentionStart, readCostRows } from './readCostRows';

const HOUR = 3_600_000;
/** Hours of history the waste rule looks at (it needs 6 consecutive ones). */
const WASTE_LOOKBACK_HOURS = 24;

/** The column a group-by groups on. */
export const GROUP_COLUMN: Record<CostGroupBy, KeyColumn> = {
  owner: 'owner',
  tenant: 'tenant',
  namespace: 'namespace',
  cluster: 'cluster',
  costCenter: 'cost_center',
};

/** Row filters: key column → allowed values. */
export type CostFilters = Partial<Record<KeyColumn, string[]>>;

/** What reports read. */
export interface CostReportSources {
  store: CostStore;
  config: CostConfig;
  catalog: CostCatalog;
  tenants(): Promise<BudgetTenant[]>;
  /** The configured clusters. */
  clusters(): string[];
  now?: () => Date;
}

/** One report request, validated. */
export interface CostReportRequest {
  query: CostReport['query'];
  fromMs: number;
  toMs: number;
  filters: CostFilters;
  scope: CostScope;
}

function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const set = new Set(b);
  return a.filter(value => set.has(value));
}

/** How rows are narrowed to the filters and the caller's scope. */
class RowSelection {
  readonly keep: KeyColumn[];
  readonly where: CostFilters;
  readonly include?: (row: CostHourRow) => boolean;

  constructor(baseKeep: KeyColumn[], filters: CostFilters, scope: CostScope, share: boolean) {
    const scopeOwners = !scope.all && 'owners' in scope ? scope.owners : undefined;
    const scopeAllows = scope.all ? undefined : 'allows' in scope ? scope.allows : undefined;
    const keep = new Set(baseKeep);
    if (share) {
      // Sharing is per cluster: a cluster filter is safe before it, nothing else is.
      this.where = filters.cluster ? { cluster: filters.cluster } : {};
      const rowFilters = Object.entries({ ...filters, cluster: undefined, ...(scopeOwners ? { owner: intersect(filters.owner, scopeOwners) } : {}) }).filter(
        (entry): entry is [KeyColumn, string[]] => entry[1] !== undefined,
      );
      for (const [column] of rowFilters) keep.add(column);
      if (scopeAllows) keep.add('owner');
      const sets = rowFilters.map(([column, values]) => [KEY_COLUMNS[column], new Set(values)] as const);
      this.include = row =>
        sets.every(([field, values]) => values.has((row[field] as string | null) ?? '')) && (!scopeAllows || scopeAllows(row.owner ?? ''));
    } else {
      const owner = intersect(filters.owner, scopeOwners);
      this.where = { ...filters, ...(owner ? { owner } : {}) };
      if (scopeAllows) {
        keep.add('owner');
        this.include = row => scopeAllows(row.owner ?? '');
      }
    }
    this.keep = [...keep];
  }
}

/** Builds a report. */
export async function buildCostReport(sources: CostReportSources, request: CostReportRequest): Promise<CostReport> {
  const { store, config } = sources;
  const { query, fromMs, toMs, filters, scope } = request;
  const share = config.idle === 'share';
  const window = { start: fromMs, end: toMs };
  const hourlyFromMs = hourlyRetentionStart((sources.now?.() ?? new Date()).getTime(), config.hourlyRetentionDays);
  const problems = hourlyDetailProblems({ fromMs, toMs }, hourlyFromMs, config.hourlyRetentionDays);
  if (problems.length > 0) throw new RequestValidationError(problems, 'the cost query');
  const read = (selection: Pick<RowSelection, 'keep' | 'where'>, from: number, to: number) =>
    readCostRows(store, { fromMs: from, toMs: to, hourlyFromMs, keep: selection.keep, where: selection.where });

  const states = await store.clusterStates();
  const latest = Math.max(...states.map(s => (s.sampledAt ? Date.parse(s.sampledAt) : 0)), 0);
  const asOf = latest > 0 ? latest : (sources.now?.() ?? new Date()).getTime();

  // Idle is shared per cluster; kept apart, the cluster is only summed over (fewer rows to read).
  // A namespace is named by `cluster/namespace`.
  const keep = (column: KeyColumn): KeyColumn[] => (share || column === 'namespace' ? ['cluster', column] : [column]);
  const main = new RowSelection(keep(GROUP_COLUMN[query.groupBy]), filters, scope, share);
  const rows = await read(main, fromMs, toMs);
  const groupRefs = query.groupBy === 'owner' ? new Set(rows.map(r => r.owner).filter((o): o is string => Boolean(o))) : new Set<string>();
  const [groups, annotated, tenants] = await Promise.all([
    sources.catalog.groups(groupRefs).catch(() => new Map<string, CostGroup>()),
    sources.catalog.groupsWithBudgets().catch(() => []),
    sources.tenants(),
  ]);
  const label = (key: string) => groups.get(key)?.title ?? defaultCostLabel(key);
  const aggregated = aggregateCosts(rows, { window, groupBy: query.groupBy, step: query.step, idle: config.idle, include: main.include, label });

  const ownerVisible = (owner: string) =>
    (scope.all || ('owners' in scope ? scope.owners.includes(owner.toLowerCase()) : scope.allows(owner.toLowerCase()))) &&
    (!filters.owner || filters.owner.includes(owner.toLowerCase()));
  const narrowedTo = filters.workload || filters.namespace || filters.cluster;
  const budgets = narrowedTo
    ? { budgets: [], findings: [] }
    : await costBudgets({
        config,
        tenants,
        annotatedGroups: [...annotated, ...groups.values()],
        asOf,
        readMonthRows: (from, to) => read({ keep: ['cluster', 'tenant', 'owner'], where: {} }, from, to),
        visibleTenant: t => ownerVisible(t.owner) && (!filters.tenant || filters.tenant.includes(t.name)),
        visibleGroup: ref => ownerVisible(ref) && !filters.tenant,
      });

  const findings: Finding[] = [...budgetFindings(budgets.budgets, config.currency), ...budgets.findings];
  if (config.dailyThreshold !== undefined && query.step === 'day') {
    let series = aggregated.series;
    if (query.groupBy !== 'tenant') {
      const byTenant = new RowSelection(keep('tenant'), filters, scope, share);
      const tenantRows = await read(byTenant, fromMs, toMs);
      series = aggregateCosts(tenantRows, { window, groupBy: 'tenant', step: 'day', idle: config.idle, include: byTenant.include }).series;
    }
    findings.push(...dailyThresholdFindings(series, config.dailyThreshold, config.currency));
  }
  const recent = new RowSelection(['cluster', 'namespace', 'workload'], filters, scope, false);
  const lastHour = hourStartMs(asOf);
  const wasteRows = await read(recent, lastHour - (WASTE_LOOKBACK_HOURS - 1) * HOUR, lastHour + HOUR);
  findings.push(...wasteFindings(recent.include ? wasteRows.filter(recent.include) : wasteRows));

  const configured = new Set([...sources.clusters(), ...states.map(s => s.cluster)]);
  const byCluster = new Map(states.map(s => [s.cluster, s]));
  const sourceStatuses: CostSourceStatus[] = [...configured].sort().map(cluster => {
    const state = byCluster.get(cluster);
    return {
      cluster,
      source: config.clusters[cluster]?.source ?? 'model',
      ...(state?.sampledAt ? { lastSampleAt: state.sampledAt } : {}),
      // Raw errors name hosts and credentials' failures: only the platform (scope all) sees them.
      ...(state?.error ? { error: scope.all ? state.error : 'collection failing' } : {}),
      ...(state?.warning ? { warning: state.warning } : {}),
    };
  });

  return {
    query,
    currency: config.currency,
    idle: config.idle,
    totals: aggregated.totals,
    groups: aggregated.groups,
    series: aggregated.series,
    budgets: budgets.budgets,
    findings,
    sources: sourceStatuses,
    gaps: await store.gaps(new Date(fromMs).toISOString(), new Date(toMs).toISOString(), filters.cluster),
  };
}

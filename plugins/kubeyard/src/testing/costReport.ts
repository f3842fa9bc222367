import { InputError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  aggregateCosts,
  budgetStatus,
  defaultCostLabel,
  IDLE_KEY,
  monthProgress,
  parseCostQuery,
  type CostBudgetStatus,
  type CostGap,
  type CostHourRow,
  type CostQuery,
  type CostReport,
  type CostSourceStatus,
  type Finding,
  type IdleMode,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/*
 * The mock's cost report: fixture hour rows through the same validation and aggregation the
 * backend uses (kubeyard-common's parseCostQuery and aggregateCosts), so the pages see
 * filters, group-bys and idle sharing actually applied.
 */

/** A monthly budget; month-to-date, forecast and status are computed from the rows. */
export type CostBudget = Pick<
  CostBudgetStatus,
  'kind' | 'key' | 'label' | 'source' | 'monthlyBudget'
>;

/** What cost reports are computed from. */
export interface CostFixture {
  currency: string;
  idle: IdleMode;
  rows: CostHourRow[];
  budgets: CostBudget[];
  findings: Finding[];
  sources: CostSourceStatus[];
  gaps: CostGap[];
}

const sameRef = (a: string | null, b: string) =>
  a !== null && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** Whether a row belongs to a catalog entity: a Group's namespaces, a tenant Resource's, a Component's workloads. */
function matchesEntity(row: CostHourRow, entityRef: string): boolean {
  const ref = parseEntityRef(entityRef);
  switch (ref.kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return sameRef(row.owner, entityRef);
    case 'resource':
      return row.tenant === ref.name;
    case 'component':
      return row.workload === ref.name;
    default:
      return false;
  }
}

/** The rows a query's filters keep; idle capacity belongs to no owner, tenant or namespace. */
function rowFilter(query: CostReport['query']): (row: CostHourRow) => boolean {
  return row => {
    const scoped =
      query.entityRef || query.owner || query.tenant || query.namespace;
    if (scoped && row.namespace === IDLE_KEY) return false;
    if (query.entityRef && !matchesEntity(row, query.entityRef)) return false;
    if (query.owner && !sameRef(row.owner, query.owner)) return false;
    if (query.tenant && row.tenant !== query.tenant) return false;
    if (query.cluster && row.cluster !== query.cluster) return false;
    if (query.namespace && row.namespace !== query.namespace) return false;
    return true;
  };
}

/** Group refs are labelled with their name (the backend uses the Group's title). */
function label(key: string): string {
  return key.startsWith('group:')
    ? parseEntityRef(key).name
    : defaultCostLabel(key);
}

/** A tenant's or Group's month so far, as the backend computes budgets. */
export function budgetOf(
  fixture: Pick<CostFixture, 'rows' | 'idle'>,
  budget: CostBudget,
  now: number,
): CostBudgetStatus {
  const { startMs } = monthProgress(now);
  const mine = (row: CostHourRow) =>
    budget.kind === 'tenant'
      ? row.tenant === budget.key
      : sameRef(row.owner, budget.key);
  const { totals } = aggregateCosts(fixture.rows, {
    window: { start: startMs, end: now + 1 },
    groupBy: 'owner',
    step: 'total',
    idle: fixture.idle,
    include: mine,
  });
  return budgetStatus({ ...budget, monthToDate: totals.totalCost, asOf: now });
}

/** GET /costs over the fixture rows. */
export function costReport(
  fixture: CostFixture,
  input: CostQuery,
  now: number = Date.now(),
): CostReport {
  const parsed = parseCostQuery({ ...input });
  if (!parsed.success) throw new InputError(parsed.message);
  const { query, window } = parsed;
  const include = rowFilter(query);
  const aggregated = aggregateCosts(fixture.rows, {
    window,
    groupBy: query.groupBy,
    step: query.step,
    idle: fixture.idle,
    include,
    label,
  });
  const inWindow = fixture.rows.filter(
    r =>
      include(r) &&
      Date.parse(r.hour) >= window.start &&
      Date.parse(r.hour) < window.end,
  );
  // As the backend: a budget's month-to-date counts every cluster and namespace, so a report
  // narrowed to part of them shows none.
  const narrowed =
    query.cluster ||
    query.namespace ||
    (query.entityRef &&
      parseEntityRef(query.entityRef).kind.toLocaleLowerCase('en-US') ===
        'component');
  const tenants = new Set(inWindow.map(r => r.tenant));
  const owners = inWindow.map(r => r.owner);
  const clusters = new Set(fixture.rows.filter(include).map(r => r.cluster));
  const findingMatches = ({ object }: Finding) =>
    inWindow.some(r => {
      if (object.kind === 'Tenant') return r.tenant === object.name;
      if (object.kind === 'Group')
        return r.owner !== null && parseEntityRef(r.owner).name === object.name;
      return (
        r.namespace === object.name &&
        (!object.cluster || r.cluster === object.cluster)
      );
    });
  return {
    query,
    currency: fixture.currency,
    idle: fixture.idle,
    ...aggregated,
    budgets: fixture.budgets
      .filter(() => !narrowed)
      .filter(b =>
        b.kind === 'tenant'
          ? tenants.has(b.key)
          : owners.some(o => sameRef(o, b.key)),
      )
      .map(b => budgetOf(fixture, b, now)),
    findings: fixture.findings.filter(findingMatches),
    sources: fixture.sources.filter(s => clusters.has(s.cluster)),
    gaps: fixture.gaps.filter(
      g =>
        clusters.has(g.cluster) &&
        Date.parse(g.from) < window.end &&
        Date.parse(g.to) > window.start,
    ),
  };
}

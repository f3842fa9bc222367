/*
 * Monthly budgets and their month so far: tenants from their spec (`monthlyBudget`), Groups
 * from config (`kubeyard.costs.budgets.groups`) or their `kubeyard.io/monthly-budget`
 * annotation (config wins). Month-to-date runs from the first of the UTC month to the latest
 * sample, with idle shared or not as the reports do.
 */
import {
  aggregateCosts,
  budgetStatus,
  hourStartMs,
  monthProgress,
  type BudgetInput,
  type CostBudgetStatus,
  type CostHourRow,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { CostGroup } from './costCatalog';
import type { CostConfig } from './costConfig';
import { MONTHLY_BUDGET_ANNOTATION } from './costCatalog';

const HOUR = 3_600_000;

/** A tenant as budgets read it. */
export interface BudgetTenant {
  name: string;
  owner: string;
  monthlyBudget?: { amount: number; currency: string };
}

/** What budgets are computed from. */
export interface BudgetSources {
  config: CostConfig;
  tenants: BudgetTenant[];
  /** Groups with a budget annotation, and the titles of budgeted groups. */
  annotatedGroups: CostGroup[];
  /** Rows of the month so far, keeping cluster, tenant and owner. */
  readMonthRows(fromMs: number, toMs: number): Promise<CostHourRow[]>;
  /** The instant month-to-date counts up to (the latest sample). */
  asOf: number;
  /** Which budgets the caller may see and asked for. */
  visibleTenant(tenant: BudgetTenant): boolean;
  visibleGroup(ref: string): boolean;
}

/** The statuses of every visible budget. */
export async function costBudgets(sources: BudgetSources): Promise<CostBudgetStatus[]> {
  const { config, asOf } = sources;
  const tenants = sources.tenants.filter(
    t => t.monthlyBudget && t.monthlyBudget.currency === config.currency && sources.visibleTenant(t),
  );
  const groups = new Map<string, { budget: number; label: string; source: string }>();
  for (const group of sources.annotatedGroups) {
    if (group.monthlyBudget !== undefined) groups.set(group.ref, { budget: group.monthlyBudget, label: group.title, source: MONTHLY_BUDGET_ANNOTATION });
  }
  for (const entry of config.groupBudgets) {
    const title = groups.get(entry.group)?.label ?? sources.annotatedGroups.find(g => g.ref === entry.group)?.title ?? entry.group;
    groups.set(entry.group, { budget: entry.monthlyBudget, label: title, source: 'config' });
  }
  for (const ref of [...groups.keys()]) if (!sources.visibleGroup(ref)) groups.delete(ref);
  if (tenants.length === 0 && groups.size === 0) return [];

  const month = monthProgress(asOf);
  const rows = await sources.readMonthRows(month.startMs, hourStartMs(asOf) + HOUR);
  const window = { start: month.startMs, end: hourStartMs(asOf) + HOUR };
  const spent = (groupBy: 'tenant' | 'owner') =>
    new Map(aggregateCosts(rows, { window, groupBy, step: 'total', idle: config.idle }).groups.map(a => [a.name, a.totalCost]));
  const byTenant = spent('tenant');
  const byOwner = spent('owner');
  const inputs: BudgetInput[] = [
    ...tenants.map(t => ({
      kind: 'tenant' as const,
      key: t.name,
      label: t.name,
      monthlyBudget: t.monthlyBudget!.amount,
      monthToDate: byTenant.get(t.name) ?? 0,
      asOf,
      source: 'tenant spec',
    })),
    ...[...groups].map(([ref, g]) => ({
      kind: 'group' as const,
      key: ref,
      label: g.label,
      monthlyBudget: g.budget,
      monthToDate: byOwner.get(ref) ?? 0,
      asOf,
      source: g.source,
    })),
  ];
  return inputs.map(budgetStatus);
}

/*
 * Monthly budgets and their month so far: tenants from their spec (`monthlyBudget`), Groups
 * from config (`kubeyard.costs.budgets.groups`) or their `kubeyard.io/monthly-budget`
 * annotation (config wins). Month-to-date runs from the first of the UTC month to the latest
 * sample, with idle shared or not as the reports do: always the current UTC month, whatever
 * window the report covers. A tenant budget in another currency than the reports is not
 * evaluated (there is no exchange rate) and gets an info finding saying so.
 */
import {
  aggregateCosts,
  budgetStatus,
  hourStartMs,
  monthProgress,
  type BudgetInput,
  type CostBudgetStatus,
  type CostHourRow,
  type Finding,
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

/** Visible budgets' statuses, and findings about budgets that could not be evaluated. */
export interface CostBudgets {
  budgets: CostBudgetStatus[];
  findings: Finding[];
}

/** `cost.budget.currency-mismatch`: a tenant budget in another currency than the reports. */
function currencyMismatch(tenant: BudgetTenant, currency: string): Finding {
  const budget = tenant.monthlyBudget!;
  return {
    id: 'cost.budget.currency-mismatch',
    severity: 'info',
    object: { kind: 'Tenant', name: tenant.name },
    message: `Tenant ${tenant.name}'s monthly budget is in ${budget.currency} (${budget.amount}) while cost reports are in ${currency}; it was not evaluated.`,
    fix: `Set the tenant's spec.monthlyBudget in ${currency}, or change kubeyard.costs.currency to ${budget.currency} if reports should be in it.`,
  };
}

/** The statuses of every visible budget. */
export async function costBudgets(sources: BudgetSources): Promise<CostBudgets> {
  const { config, asOf } = sources;
  const budgeted = sources.tenants.filter(t => t.monthlyBudget && sources.visibleTenant(t));
  const tenants = budgeted.filter(t => t.monthlyBudget!.currency === config.currency);
  const findings = budgeted.filter(t => t.monthlyBudget!.currency !== config.currency).map(t => currencyMismatch(t, config.currency));
  const groups = new Map<string, { budget: number; label: string; source: string }>();
  const titles = new Map<string, string>();
  for (const group of sources.annotatedGroups) {
    titles.set(group.ref, group.title);
    if (group.monthlyBudget !== undefined) groups.set(group.ref, { budget: group.monthlyBudget, label: group.title, source: MONTHLY_BUDGET_ANNOTATION });
  }
  for (const entry of config.groupBudgets) {
    groups.set(entry.group, { budget: entry.monthlyBudget, label: titles.get(entry.group) ?? entry.group, source: 'config' });
  }
  for (const ref of [...groups.keys()]) if (!sources.visibleGroup(ref)) groups.delete(ref);
  if (tenants.length === 0 && groups.size === 0) return { budgets: [], findings };

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
  return { budgets: inputs.map(budgetStatus), findings };
}

/*
 * Monthly budgets: a linear month-to-date forecast, the budget's status, and the findings that
 * go with it (forecast over budget, a tenant's daily cost over a threshold).
 */
import { CostBudgetStatus, CostSeriesBucket, IDLE_KEY, UNALLOCATED_KEY } from '../api/costTypes';
import { HOUR_MS } from '../backups/duration';
import { Finding } from '../findings/types';
import { toEpochMs } from './hourSlices';

/** Where `asOf` falls in its UTC month. */
export interface MonthProgress {
  /** `YYYY-MM`. */
  month: string;
  startMs: number;
  endMs: number;
  /** Elapsed part of the month, 0 < fraction ≤ 1 (at least one hour, see forecastMonth). */
  elapsedFraction: number;
}

/** The UTC month containing `asOf` and how much of it has passed. */
export function monthProgress(asOf: string | number): MonthProgress {
  const at = new Date(toEpochMs(asOf));
  const startMs = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
  const endMs = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
  // At least one hour elapsed: the first minutes of a month would otherwise multiply a few
  // cents by tens of thousands (and 00:00 on the 1st would divide by zero).
  const elapsed = Math.min(Math.max(at.getTime() - startMs, HOUR_MS), endMs - startMs);
  return { month: at.toISOString().slice(0, 7), startMs, endMs, elapsedFraction: elapsed / (endMs - startMs) };
}

/** Linear forecast: month-to-date cost / elapsed fraction of the UTC month of `asOf`. */
export function forecastMonth(monthToDate: number, asOf: string | number): number {
  return monthToDate / monthProgress(asOf).elapsedFraction;
}

/** A budget and the month so far. `asOf` is the instant month-to-date is counted up to. */
export interface BudgetInput {
  kind: CostBudgetStatus['kind'];
  key: string;
  label: string;
  monthlyBudget: number;
  monthToDate: number;
  asOf: string | number;
  source: string;
}

/** over: month-to-date above the budget; warning: forecast above it; ok otherwise. */
export function budgetStatus(input: BudgetInput): CostBudgetStatus {
  const forecast = forecastMonth(input.monthToDate, input.asOf);
  let status: CostBudgetStatus['status'] = 'ok';
  if (input.monthToDate > input.monthlyBudget) status = 'over';
  else if (forecast > input.monthlyBudget) status = 'warning';
  return {
    kind: input.kind,
    key: input.key,
    label: input.label,
    month: monthProgress(input.asOf).month,
    monthlyBudget: input.monthlyBudget,
    monthToDate: input.monthToDate,
    forecast,
    status,
    source: input.source,
  };
}

/** `1234.5, 'EUR'` → `1234.50 EUR`. */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

/** `cost.budget.forecast-over`: one finding per budget that is over or forecast to be. */
export function budgetFindings(statuses: readonly CostBudgetStatus[], currency: string): Finding[] {
  return statuses
    .filter(s => s.status !== 'ok')
    .map((s): Finding => {
      const money = (amount: number) => formatMoney(amount, currency);
      const what = s.kind === 'tenant' ? `Tenant ${s.key}` : `Group ${s.key}`;
      const state =
        s.status === 'over'
          ? `has spent ${money(s.monthToDate)} in ${s.month}, over its monthly budget of ${money(s.monthlyBudget)} by ${money(s.monthToDate - s.monthlyBudget)}`
          : `has spent ${money(s.monthToDate)} so far in ${s.month}; at this rate the month ends at ${money(s.forecast)}, ${percent(s.forecast / s.monthlyBudget - 1)} over its monthly budget of ${money(s.monthlyBudget)}`;
      const where = s.kind === 'tenant' ? `tenant=${s.key}` : `owner=${s.key}`;
      return {
        id: 'cost.budget.forecast-over',
        severity: s.status === 'over' ? 'critical' : 'warning',
        object: { kind: s.kind === 'tenant' ? 'Tenant' : 'Group', name: s.key },
        message: `${what} ${state}.`,
        fix: `Open Costs with ${where}&groupBy=namespace, lower the requests of the costliest namespaces' workloads (efficiency below 50 % means requests well above usage) or scale down what is not needed; if the spend is expected, raise the budget where it is set (${s.source}).`,
      };
    });
}

const MAX_DAYS_LISTED = 5;

/**
 * `cost.daily-threshold`: tenants whose cost on a UTC day exceeded `threshold`, one finding
 * per tenant listing the days. `series` must be grouped by tenant.
 */
export function dailyThresholdFindings(series: readonly CostSeriesBucket[], threshold: number, currency: string): Finding[] {
  const overDays = new Map<string, Array<{ day: string; cost: number }>>();
  for (const bucket of series) {
    for (const allocation of bucket.allocations) {
      if (allocation.name === UNALLOCATED_KEY || allocation.name === IDLE_KEY || !(allocation.totalCost > threshold)) continue;
      const days = overDays.get(allocation.name) ?? [];
      days.push({ day: bucket.start.slice(0, 10), cost: allocation.totalCost });
      overDays.set(allocation.name, days);
    }
  }
  return [...overDays].map(([tenant, days]): Finding => {
    const worst = days.reduce((a, b) => (b.cost > a.cost ? b : a));
    const listed = days.slice(-MAX_DAYS_LISTED).map(d => `${d.day} (${formatMoney(d.cost, currency)})`);
    const more = days.length > MAX_DAYS_LISTED ? ` and ${days.length - MAX_DAYS_LISTED} earlier` : '';
    return {
      id: 'cost.daily-threshold',
      severity: 'warning',
      object: { kind: 'Tenant', name: tenant },
      message: `Tenant ${tenant} cost more than the daily threshold of ${formatMoney(threshold, currency)} on ${days.length} day${days.length > 1 ? 's' : ''}: ${listed.join(', ')}${more}; the highest was ${formatMoney(worst.cost, currency)} on ${worst.day}.`,
      fix: `Open Costs for ${worst.day} with tenant=${tenant}&groupBy=namespace to see which namespace grew; lower its workloads' requests or replicas, or raise kubeyard.costs.dailyThreshold if this level is expected.`,
    };
  });
}

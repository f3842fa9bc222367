import {
  isCalendarDate,
  MAX_COST_WINDOW_DAYS,
  parseIsoTime,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/*
 * The windows the Costs page offers. Reports bucket by UTC day, so windows are whole UTC days:
 * `from` inclusive and `to` exclusive as the API takes them; the custom inputs show the last
 * day inclusive, as people read a date range.
 */

/** A period of the picker. */
export type CostPeriod =
  | '7d'
  | '30d'
  | '90d'
  | 'month'
  | 'last-month'
  | 'custom';

/** The picker's options, in order. */
export const COST_PERIODS: { value: CostPeriod; label: string }[] = [
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: 'month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'custom', label: 'Custom' },
];

/** The longest custom window, in days: the longest the backend reports on. */
export const MAX_WINDOW_DAYS = MAX_COST_WINDOW_DAYS;

/** A window as the API takes it: `YYYY-MM-DD`, `to` exclusive. */
export interface CostWindow {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC midnight of a `YYYY-MM-DD` day, or undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  return isCalendarDate(text) ? parseIsoTime(text) : undefined;
}

/** Whether a search parameter names a period. */
export function isCostPeriod(value: string | null): value is CostPeriod {
  return COST_PERIODS.some(p => p.value === value);
}

/** The window of a preset period at `now`; the last N days include today. */
export function presetWindow(
  period: Exclude<CostPeriod, 'custom'>,
  now: number,
): CostWindow {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const date = new Date(today);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  switch (period) {
    case '7d':
    case '30d':
    case '90d':
      return {
        from: isoDay(today - (parseInt(period, 10) - 1) * DAY_MS),
        to: isoDay(today + DAY_MS),
      };
    case 'month':
      return {
        from: isoDay(Date.UTC(year, month, 1)),
        to: isoDay(today + DAY_MS),
      };
    case 'last-month':
    default:
      return {
        from: isoDay(Date.UTC(year, month - 1, 1)),
        to: isoDay(Date.UTC(year, month, 1)),
      };
  }
}

/** The first and last day (inclusive) of a window, for the custom inputs. */
export function inclusiveDays(window: CostWindow): {
  first: string;
  last: string;
} {
  return {
    first: window.from,
    last: isoDay((parseDay(window.to) ?? 0) - DAY_MS),
  };
}

/** What is wrong with a custom range, per input. */
export interface CustomRangeErrors {
  from?: string;
  to?: string;
}

/**
 * Checks a custom range (first and last day, inclusive) and returns its window, or the
 * messages to show under the inputs.
 */
export function customWindow(
  first: string,
  last: string,
  now: number,
): { window?: CostWindow; errors: CustomRangeErrors } {
  const errors: CustomRangeErrors = {};
  const from = parseDay(first);
  const to = parseDay(last);
  if (!first) errors.from = 'Enter the first day';
  else if (from === undefined) errors.from = 'Not a date: use YYYY-MM-DD';
  if (!last) errors.to = 'Enter the last day';
  else if (to === undefined) errors.to = 'Not a date: use YYYY-MM-DD';
  if (from !== undefined && to !== undefined) {
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    if (to < from) errors.to = 'The last day must be on or after the first day';
    else if (to > today)
      errors.to = `The last day cannot be after today (${isoDay(today)}, UTC)`;
    else if ((to - from) / DAY_MS + 1 > MAX_WINDOW_DAYS)
      errors.from = `At most ${MAX_WINDOW_DAYS} days: choose a later first day`;
  }
  if (errors.from || errors.to || from === undefined || to === undefined)
    return { errors };
  return { window: { from: isoDay(from), to: isoDay(to + DAY_MS) }, errors };
}

/** The number of days of a window. */
export function windowDays(window: CostWindow): number {
  return Math.round(
    ((parseDay(window.to) ?? 0) - (parseDay(window.from) ?? 0)) / DAY_MS,
  );
}

import {
  COST_GROUP_BYS,
  type CostGroupBy,
  type CostQuery,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { useSearchParams } from 'react-router-dom';
import {
  customWindow,
  isCostPeriod,
  presetWindow,
  type CostPeriod,
  type CostWindow,
  type CustomRangeErrors,
} from './costPeriods';

/** The query filters the page takes from the URL, as the API names them. */
export const COST_FILTERS = [
  'entityRef',
  'owner',
  'tenant',
  'cluster',
  'namespace',
] as const;

/** One of COST_FILTERS. */
export type CostFilter = (typeof COST_FILTERS)[number];

/** What the page shows when the URL says nothing. */
export const DEFAULT_PERIOD: CostPeriod = '30d';
export const DEFAULT_GROUP_BY: CostGroupBy = 'owner';

/** The Costs page's view, read from the URL so a link shares it. */
export interface CostView {
  period: CostPeriod;
  /** The custom inputs (first and last day, inclusive), as typed. */
  first: string;
  last: string;
  groupBy: CostGroupBy;
  filters: Partial<Record<CostFilter, string>>;
  /** Undefined while the custom range is invalid. */
  window?: CostWindow;
  errors: CustomRangeErrors;
  /** The API query of the view; undefined while the custom range is invalid. */
  query?: CostQuery;
}

/** A change to the view; `undefined` removes a parameter. */
export type CostViewChange = Partial<
  Record<
    'period' | 'first' | 'last' | 'groupBy' | CostFilter,
    string | undefined
  >
>;

/** Search parameter names of the custom range. */
const PARAM: Record<string, string> = { first: 'from', last: 'to' };

/**
 * The view in the URL: `?period=30d&groupBy=owner`, `?period=custom&from=2025-03-01&to=2025-03-31`
 * (both days inclusive), plus the filters (`owner`, `tenant`, `entityRef`, …).
 */
export function useCostSearchParams(
  now: number,
): [CostView, (change: CostViewChange) => void] {
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period = isCostPeriod(periodParam) ? periodParam : DEFAULT_PERIOD;
  const groupByParam = params.get('groupBy');
  const groupBy =
    COST_GROUP_BYS.find(g => g === groupByParam) ?? DEFAULT_GROUP_BY;
  const filters: CostView['filters'] = {};
  for (const name of COST_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const first = params.get('from') ?? '';
  const last = params.get('to') ?? '';
  const { window, errors } =
    period === 'custom'
      ? customWindow(first, last, now)
      : { window: presetWindow(period, now), errors: {} };
  const view: CostView = {
    period,
    first,
    last,
    groupBy,
    filters,
    window,
    errors,
    query: window && { ...window, groupBy, step: 'day', ...filters },
  };

  const change = (update: CostViewChange) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(update)) {
          const name = PARAM[key] ?? key;
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  return [view, change];
}

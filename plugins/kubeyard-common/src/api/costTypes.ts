import type { Finding } from '../findings/types';

/** What a cost report groups by. */
export type CostGroupBy = 'owner' | 'tenant' | 'namespace' | 'cluster' | 'costCenter';

/** Every group-by value, in the order the UI offers them. */
export const COST_GROUP_BYS: readonly CostGroupBy[] = ['owner', 'tenant', 'namespace', 'cluster', 'costCenter'];

/** The resolution of a report's series: one bucket per UTC day, or the whole window only. */
export type CostStep = 'day' | 'total';

/** Group keys that are not a catalog owner, tenant or namespace. */
export const UNALLOCATED_KEY = '__unallocated__';
export const IDLE_KEY = '__idle__';

/** The filters shared by GET /costs and GET /costs/export.csv (query parameters of the same names). */
export interface CostQuery {
  /** Start of the window, inclusive: `YYYY-MM-DD` (UTC midnight) or an ISO 8601 instant on an hour. */
  from: string;
  /** End of the window, exclusive, same forms as `from`. */
  to: string;
  groupBy: CostGroupBy;
  step?: CostStep;
  /** Narrow to one catalog entity's costs: a Group (its tenants and namespaces), a Component
   * (its workloads, by `backstage.io/kubernetes-id`) or a tenant Resource. */
  entityRef?: string;
  owner?: string;
  tenant?: string;
  cluster?: string;
  namespace?: string;
}

/**
 * One allocation in OpenCost's vocabulary (names and units as OpenCost's /allocation API uses
 * them: core-hours, byte-hours, averages over the allocation's window).
 */
export interface CostAllocation {
  /** The group key: a Group ref, a tenant, `cluster/namespace`, a cluster, a cost center, or
   * UNALLOCATED_KEY / IDLE_KEY. */
  name: string;
  /** Human-readable label of `name` (Group title, "Unallocated", "Idle"). */
  label: string;
  /** Window of this allocation, ISO 8601. */
  start: string;
  end: string;
  /** Hours of the window for which samples exist (may be less than end − start). */
  minutes: number;
  /** Charged core-hours: Σ max(request, usage) × Δt. */
  cpuCoreHours: number;
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  /** Charged byte-hours of memory: Σ max(request, usage) × Δt. */
  ramByteHours: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  /** Byte-hours of PersistentVolumeClaim requests. */
  pvByteHours: number;
  cpuCost: number;
  ramCost: number;
  pvCost: number;
  /** Idle cost shared into this allocation (0 when idle is kept apart). */
  sharedCost: number;
  totalCost: number;
  /**
   * OpenCost's efficiency: (cpu usage cost + ram usage cost) / (cpu request cost + ram request
   * cost); null when nothing was requested.
   */
  efficiency: number | null;
}

/** One bucket of a report's series. */
export interface CostSeriesBucket {
  start: string;
  end: string;
  allocations: CostAllocation[];
}

/** Where a cluster's cost data comes from, and how fresh it is. */
export interface CostSourceStatus {
  cluster: string;
  source: 'model' | 'opencost';
  lastSampleAt?: string;
  /** The last collection error, when the latest attempt failed (details only for callers who may read every cost). */
  error?: string;
  /** What the latest recorded sample had to do without, e.g. metrics.k8s.io not served: usage counted as requests. */
  warning?: string;
}

/** A stretch of time a cluster was not sampled (collector down, cluster unreachable). */
export interface CostGap {
  cluster: string;
  from: string;
  to: string;
}

/** A monthly budget and the month so far. */
export interface CostBudgetStatus {
  kind: 'tenant' | 'group';
  /** Tenant name or Group ref. */
  key: string;
  label: string;
  /** `YYYY-MM` (UTC). */
  month: string;
  monthlyBudget: number;
  monthToDate: number;
  /** Linear forecast for the whole month from month-to-date. */
  forecast: number;
  status: 'ok' | 'warning' | 'over';
  /** Where the budget is set: `tenant spec`, `config`, or the annotation name. */
  source: string;
}

/** GET /api/kubeyard/costs. */
export interface CostReport {
  query: Required<Pick<CostQuery, 'from' | 'to' | 'groupBy' | 'step'>> & Omit<CostQuery, 'from' | 'to' | 'groupBy' | 'step'>;
  currency: string;
  /** Whether idle cost was shared into namespaces ('share') or kept as the IDLE_KEY group ('separate'). */
  idle: 'share' | 'separate';
  /** Sum over every group, for the whole window. */
  totals: CostAllocation;
  /** The whole window per group, by totalCost descending. */
  groups: CostAllocation[];
  /** Per day (empty when step is 'total'). */
  series: CostSeriesBucket[];
  budgets: CostBudgetStatus[];
  findings: Finding[];
  sources: CostSourceStatus[];
  gaps: CostGap[];
}

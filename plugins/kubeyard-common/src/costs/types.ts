/*
 * The cost model's data: what the collector reads at one instant (a sample), what it stores
 * per hour (rows), and the prices it charges. Units: cores, bytes, hours, the configured currency.
 */

/** Readings of one pod at one instant (requests summed over its containers; usage from metrics). */
export interface PodCostReading {
  namespace: string;
  pod: string;
  /** The pod's `backstage.io/kubernetes-id` label ('' when it has none): links cost to a Component. */
  workload: string;
  cpuRequestCores: number;
  /** undefined when metrics are unavailable: the request is then charged. */
  cpuUsageCores?: number;
  ramRequestBytes: number;
  ramUsageBytes?: number;
}

/** One cluster read at one instant. */
export interface ClusterCostSample {
  cluster: string;
  /** When the readings were taken (ISO 8601). */
  at: string;
  pods: PodCostReading[];
  /** PersistentVolumeClaim requested bytes per namespace. */
  pvcBytesByNamespace: Record<string, number>;
  /** Allocatable capacity of the cluster's schedulable nodes. */
  allocatableCpuCores: number;
  allocatableRamBytes: number;
}

/** Who a namespace belonged to when it was sampled (attribution is recorded, not recomputed). */
export interface NamespaceAttribution {
  tenant?: string;
  /** Catalog Group ref, e.g. `group:default/team-payments`; undefined = unallocated. */
  owner?: string;
  costCenter?: string;
}

/**
 * One stored hourly row: one cluster, namespace and workload for one UTC hour. Idle capacity
 * is stored as rows with namespace IDLE_KEY. Quantities are integrals over the sampled part of
 * the hour (`minutes` says how much of it was sampled).
 */
export interface CostHourRow {
  /** Start of the UTC hour, ISO 8601 (`2026-11-22T13:00:00.000Z`). */
  hour: string;
  cluster: string;
  namespace: string;
  workload: string;
  tenant: string | null;
  owner: string | null;
  costCenter: string | null;
  minutes: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  /** Σ max(request, usage) × Δt. */
  cpuChargedCoreHours: number;
  ramRequestByteHours: number;
  ramUsageByteHours: number;
  ramChargedByteHours: number;
  pvByteHours: number;
  cpuCost: number;
  ramCost: number;
  pvCost: number;
}

/** Prices per hour, in the configured currency. */
export interface UnitPrices {
  cpuCoreHour: number;
  ramGiBHour: number;
  pvGiBHour: number;
}

/** A price list that applies to a cluster ('*' = every cluster without its own) from a date on. */
export interface PriceChange extends UnitPrices {
  cluster: string;
  /** ISO 8601 date or instant; applies to hours starting at or after it. */
  effectiveFrom: string;
}

/** The digest's default prices (SEED-DIGEST §5). */
export const DEFAULT_UNIT_PRICES: UnitPrices = { cpuCoreHour: 0.05, ramGiBHour: 0.01, pvGiBHour: 0.001 };

/*
 * The built-in model as a CostSource: one sample per collection from the fleet index and one
 * metrics.k8s.io LIST, integrated from the watermark. The sample time is the PodMetrics
 * timestamp (the cluster's clock, which in the embedded fleet is the simulated clock), else
 * the backend's clock. A cluster without metrics.k8s.io is still charged (usage = requests),
 * with a warning on its source status.
 */
import { integrateSample, type PriceChange } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterConnection, ClusterSnapshot } from '../fleet';
import { modelSample } from './modelSample';
import { listPodMetrics } from './podMetrics';
import type { ClusterAttribution, CollectedCosts, CostSource } from './types';

/** What the model reads clusters through (the FleetIndex). */
export interface ModelFleet {
  cluster(name: string): ClusterSnapshot | undefined;
  connection(name: string): ClusterConnection | undefined;
}

/** Settings of the model. */
export interface ModelCostSourceOptions {
  intervalMs: number;
  maxGapMs: number;
  prices: PriceChange[];
  requestTimeoutMs: number;
  now?: () => Date;
}

/** The built-in cost model. */
export class ModelCostSource implements CostSource {
  readonly kind = 'model' as const;

  constructor(
    private readonly fleet: ModelFleet,
    private readonly options: ModelCostSourceOptions,
  ) {}

  async collect(cluster: string, previousAt: string | undefined, attribution: ClusterAttribution): Promise<CollectedCosts> {
    const snapshot = this.fleet.cluster(cluster);
    const connection = this.fleet.connection(cluster);
    if (!snapshot || !connection) throw new Error(`cluster ${cluster} is not configured`);
    // An index that has not listed the cluster (or lost it) would charge nothing as if nothing ran.
    if (snapshot.sync.state !== 'synced' && snapshot.sync.state !== 'stale') {
      throw new Error(`the fleet index has not synced ${cluster}${snapshot.sync.error ? `: ${snapshot.sync.error}` : ''}`);
    }
    const metrics = await listPodMetrics(connection, this.options.requestTimeoutMs);
    const at = metrics.timestamp ?? (this.options.now?.() ?? new Date()).toISOString();
    const result = integrateSample(modelSample(snapshot, metrics, at), {
      previousAt,
      intervalMs: this.options.intervalMs,
      maxGapMs: this.options.maxGapMs,
      attribution: namespace => attribution(cluster, namespace),
      prices: this.options.prices,
    });
    const warning = metrics.notServed ? `metrics.k8s.io not served (${metrics.notServed}): usage counted as requests` : undefined;
    return { rows: result.rows, watermark: result.watermark, ...(result.gap ? { gap: result.gap } : {}), ...(warning ? { warning } : {}) };
  }
}

/*
 * One collection: every cluster in parallel, each from its watermark in the database, through
 * its source (model or OpenCost), recorded atomically with the watermark's advance. A cluster
 * that cannot be read records nothing and keeps its watermark; its next successful sample
 * covers at most maxGap and the rest shows as a gap. Run by the scheduler (one instance at a
 * time), by the demo backfill, and by tests — the same code path.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeError } from '../fleet';
import type { CostSourceKind, CostStore } from './CostStore';
import type { ClusterAttribution, CostSource } from './types';

/** What one cluster's collection did. */
export interface ClusterCollection {
  cluster: string;
  source: CostSourceKind;
  outcome: 'recorded' | 'unchanged' | 'conflict' | 'failed';
  rows: number;
  watermark?: string;
  error?: string;
}

/** Dependencies of the collector. */
export interface CostCollectorOptions {
  store: CostStore;
  /** The clusters to collect (the fleet's configured clusters). */
  clusters(): string[];
  /** The source of a cluster. */
  sourceOf(cluster: string): CostSource;
  /** Loads who each namespace belongs to, once per collection. */
  loadAttribution(): Promise<ClusterAttribution>;
  logger?: LoggerService;
}

/** Collects cost samples into the store. */
export class CostCollector {
  constructor(private readonly options: CostCollectorOptions) {}

  /** Collects every cluster once. */
  async collectOnce(): Promise<ClusterCollection[]> {
    const attribution = await this.options.loadAttribution();
    return Promise.all(this.options.clusters().map(cluster => this.collectCluster(cluster, attribution)));
  }

  private async collectCluster(cluster: string, attribution: ClusterAttribution): Promise<ClusterCollection> {
    const source = this.options.sourceOf(cluster);
    const attemptedAt = new Date().toISOString();
    try {
      const previousAt = await this.options.store.watermark(cluster);
      const collected = await source.collect(cluster, previousAt, attribution);
      if (collected.watermark === previousAt && collected.rows.length === 0 && !collected.gap) {
        await this.options.store.recordUnchanged(cluster, source.kind, collected.warning, attemptedAt);
        return { cluster, source: source.kind, outcome: 'unchanged', rows: 0, watermark: previousAt };
      }
      const recorded = await this.options.store.recordSample(
        { cluster, source: source.kind, previousAt, watermark: collected.watermark, rows: collected.rows, gap: collected.gap, warning: collected.warning },
        attemptedAt,
      );
      if (!recorded) {
        // Another writer recorded this interval first: counting it again would double it.
        this.options.logger?.warn(`cost sample of ${cluster} dropped: its watermark moved while sampling`);
        return { cluster, source: source.kind, outcome: 'conflict', rows: 0 };
      }
      return { cluster, source: source.kind, outcome: 'recorded', rows: collected.rows.length, watermark: collected.watermark };
    } catch (error) {
      const message = describeError(error);
      this.options.logger?.warn(`cost sample of ${cluster} failed: ${message}`);
      await this.options.store.recordFailure(cluster, source.kind, message, attemptedAt).catch(() => undefined);
      return { cluster, source: source.kind, outcome: 'failed', rows: 0, error: message };
    }
  }
}

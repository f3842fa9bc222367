import type { CostGap, CostHourRow, NamespaceAttribution } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { CostSourceKind } from './CostStore';

/** What one collection of one cluster adds to the history. */
export interface CollectedCosts {
  rows: CostHourRow[];
  /** The new watermark (unchanged when there was nothing new to record). */
  watermark: string;
  gap?: CostGap;
  /** What the sample had to do without (shown with the cluster's source status). */
  warning?: string;
}

/** Namespace attribution of one cluster at collection time. */
export type ClusterAttribution = (cluster: string, namespace: string) => NamespaceAttribution | undefined;

/**
 * Where a cluster's cost data comes from: the built-in model or OpenCost. Reads the cluster
 * and integrates everything after `previousAt`; throws when the cluster cannot be read (the
 * collector then records nothing and keeps the watermark).
 */
export interface CostSource {
  readonly kind: CostSourceKind;
  collect(cluster: string, previousAt: string | undefined, attribution: ClusterAttribution): Promise<CollectedCosts>;
}

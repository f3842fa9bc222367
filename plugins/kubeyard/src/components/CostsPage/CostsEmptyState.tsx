import { EmptyState } from '@backstage/core-components';
import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';

/** No cost in the window: before the collector's first samples, or for a window or filter with none. */
export function CostsEmptyState(props: { report: CostReport }) {
  const sampled = props.report.sources.some(s => s.lastSampleAt);
  return sampled ? (
    <EmptyState
      missing="data"
      title="No costs in this window"
      description="Nothing was recorded for this period and filter. Costs cover the time since the collector first sampled a cluster, and namespaces that existed then: choose a longer period, or remove the filters."
    />
  ) : (
    <EmptyState
      missing="data"
      title="No costs collected yet"
      description="kubeyard-backend's cost collector samples every cluster of the fleet every kubeyard.costs.sampleIntervalMinutes (5 by default) and rolls the samples up per hour. Costs appear here after its first run; if they do not, check that clusters are configured under kubernetes.clusterLocatorMethods, and the backend's logs."
    />
  );
}

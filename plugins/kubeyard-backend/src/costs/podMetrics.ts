/*
 * One LIST of metrics.k8s.io/v1beta1 PodMetrics per cluster and sample (what metrics-server
 * serves; `kubectl top pods -A` reads the same). A cluster without metrics-server answers 404
 * (API group not registered) or 503 (APIService unavailable): its pods are still charged, with
 * usage counted as requests, and the reading says why.
 */
import { CustomObjectsApi } from '@kubernetes/client-node';
import { tryParseQuantity } from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeError, kubeConfigFor, withTimeout, type ClusterConnection } from '../fleet';

/** Usage of one pod, summed over its containers. */
export interface PodUsage {
  cpuCores: number;
  ramBytes: number;
}

/** A cluster's pod usage at one instant. */
export interface PodMetricsReading {
  /** The newest PodMetrics `timestamp`; undefined when the list was empty. */
  timestamp?: string;
  /** By `namespace/name`. */
  pods: Map<string, PodUsage>;
  /** Set when metrics.k8s.io is not served (the reason, e.g. `HTTP 404`): `pods` is empty. */
  notServed?: string;
}

/** Statuses with which the API server says metrics.k8s.io is not there (rather than failing). */
const NOT_SERVED = new Set([404, 503]);

interface PodMetricsItem {
  metadata?: { name?: string; namespace?: string };
  timestamp?: string;
  containers?: Array<{ usage?: { cpu?: string; memory?: string } }>;
}

/** Lists every pod's usage on a cluster. Rejects when the metrics API does not answer. */
export async function listPodMetrics(connection: ClusterConnection, timeoutMs: number): Promise<PodMetricsReading> {
  const api = kubeConfigFor(connection).makeApiClient(CustomObjectsApi);
  let list: { items?: PodMetricsItem[] };
  try {
    list = await withTimeout(api.listClusterCustomObject({ group: 'metrics.k8s.io', version: 'v1beta1', plural: 'pods' }), timeoutMs, 'LIST metrics.k8s.io/v1beta1 pods');
  } catch (error) {
    const status = (error as { code?: unknown })?.code;
    if (typeof status === 'number' && NOT_SERVED.has(status)) return { pods: new Map(), notServed: describeError(error) };
    throw error;
  }
  const pods = new Map<string, PodUsage>();
  let newest: number | undefined;
  for (const item of list.items ?? []) {
    const usage: PodUsage = { cpuCores: 0, ramBytes: 0 };
    for (const container of item.containers ?? []) {
      // Usage comes in nanocores and Ki: parsed exactly, not rounded up like requests.
      usage.cpuCores += tryParseQuantity(container.usage?.cpu ?? '0') ?? 0;
      usage.ramBytes += tryParseQuantity(container.usage?.memory ?? '0') ?? 0;
    }
    pods.set(`${item.metadata?.namespace ?? ''}/${item.metadata?.name ?? ''}`, usage);
    const at = item.timestamp ? Date.parse(item.timestamp) : NaN;
    if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
  }
  return { timestamp: newest === undefined ? undefined : new Date(newest).toISOString(), pods };
}

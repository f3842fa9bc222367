/*
 * metrics.k8s.io/v1beta1 (what metrics-server serves): PodMetrics and NodeMetrics computed on
 * read from the simulated usage of running pods, in metrics-server's units (nanocores, Ki).
 */
import type { KubeObject } from '../types';
import type { ObjectReader } from './admission/types';
import { notFound } from './errors';
import { formatKibibytes, formatNanoCores } from './quantity';

/** Usage of one container, in cores and bytes. */
export interface ContainerUsage {
  name: string;
  cpuCores: number;
  memoryBytes: number;
}

/** Where usage figures come from (the controllers' usage model in a running simulator). */
export interface MetricsSource {
  /** Per-container usage of a pod at `now`; undefined when the pod reports no metrics. */
  podUsage(pod: KubeObject, now: Date): ContainerUsage[] | undefined;
  /** Usage of a node given every pod of the cluster (pods on it plus system daemons). */
  nodeUsage?(node: KubeObject, pods: KubeObject[], now: Date): { cpuCores: number; memoryBytes: number };
}

const WINDOW = '30s';

function isRunning(pod: KubeObject): boolean {
  return (pod.status as { phase?: string } | undefined)?.phase === 'Running';
}

/** Answers metrics.k8s.io reads. */
export class MetricsApi {
  constructor(
    private readonly reader: ObjectReader,
    private readonly now: () => Date,
    private readonly source: () => MetricsSource | undefined,
  ) {}

  private podMetrics(pod: KubeObject): KubeObject | undefined {
    const source = this.source();
    if (!source || !isRunning(pod)) return undefined;
    const now = this.now();
    const containers = source.podUsage(pod, now);
    if (!containers?.length) return undefined;
    const timestamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
    return {
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        creationTimestamp: timestamp,
        ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
      },
      timestamp,
      window: WINDOW,
      containers: containers.map(c => ({ name: c.name, usage: { cpu: formatNanoCores(c.cpuCores), memory: formatKibibytes(c.memoryBytes) } })),
    };
  }

  listPods(namespace: string | undefined): KubeObject[] {
    const out: KubeObject[] = [];
    for (const pod of this.reader.scan('/pods', namespace)) {
      const m = this.podMetrics(pod);
      if (m) out.push(m);
    }
    return out.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  }

  getPod(namespace: string, name: string): KubeObject {
    const pod = this.reader.peek('/pods', namespace, name);
    const m = pod && this.podMetrics(pod);
    if (!m) throw notFound({ group: 'metrics.k8s.io', resource: 'pods' }, name);
    return m;
  }

  listNodes(): KubeObject[] {
    const source = this.source();
    if (!source) return [];
    const now = this.now();
    const timestamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
    const pods = source.nodeUsage ? [...this.reader.scan('/pods', undefined)] : [];
    const summed = source.nodeUsage ? undefined : this.sumByNode();
    return [...this.reader.scan('/nodes', undefined)]
      .map(node => {
        const u = source.nodeUsage ? source.nodeUsage(node, pods, now) : summed!.get(node.metadata.name!) ?? { cpuCores: 0, memoryBytes: 0 };
        return {
          kind: 'NodeMetrics',
          apiVersion: 'metrics.k8s.io/v1beta1',
          metadata: { name: node.metadata.name, creationTimestamp: timestamp, ...(node.metadata.labels ? { labels: node.metadata.labels } : {}) },
          timestamp,
          window: WINDOW,
          usage: { cpu: formatNanoCores(u.cpuCores), memory: formatKibibytes(u.memoryBytes) },
        } as KubeObject;
      })
      .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
  }

  /** Sums pod usage per node when the source has no node model of its own. */
  private sumByNode(): Map<string, { cpuCores: number; memoryBytes: number }> {
    const usage = new Map<string, { cpuCores: number; memoryBytes: number }>();
    const now = this.now();
    for (const pod of this.reader.scan('/pods', undefined)) {
      const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!node || !isRunning(pod)) continue;
      const total = usage.get(node) ?? { cpuCores: 0, memoryBytes: 0 };
      for (const c of this.source()?.podUsage(pod, now) ?? []) {
        total.cpuCores += c.cpuCores;
        total.memoryBytes += c.memoryBytes;
      }
      usage.set(node, total);
    }
    return usage;
  }

  getNode(name: string): KubeObject {
    const m = this.listNodes().find(n => n.metadata.name === name);
    if (!m) throw notFound({ group: 'metrics.k8s.io', resource: 'nodes' }, name);
    return m;
  }
}

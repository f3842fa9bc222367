/*
 * Simulated CPU and memory usage, served by metrics.k8s.io and sampled by cost reports.
 * Usage is a pure function of the pod's identity and the simulated time: a daily curve
 * (busy around behaviour.usage.peakHourUtc, quieter at weekends) scaled by a per-pod factor,
 * with noise that changes every five minutes. Same pod, same time → same numbers.
 */
import type { ClusterBehaviour, KubeObject } from '../types';
import { hashToUnit } from './hash';
import { quantityValue } from '../apiserver/quantity';

/** Usage of one container. */
export interface ContainerUsage {
  name: string;
  cpuCores: number;
  memoryBytes: number;
}

/** Usage of one node. */
export interface NodeUsage {
  cpuCores: number;
  memoryBytes: number;
}

/** The usage curve used when a cluster's behaviour does not set one. */
export const DEFAULT_USAGE = {
  base: 0.2,
  peak: 0.65,
  noise: 0.08,
  peakHourUtc: 14,
} as const;

const NOISE_BUCKET_MS = 5 * 60 * 1000;
const DEFAULT_CPU_REQUEST = 0.1;
const DEFAULT_MEMORY_REQUEST = 128 * 2 ** 20;

interface ContainerSpec {
  name: string;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
}

/** How busy the cluster is at `now`, in [0, 1]: 1 at the peak hour on a weekday. */
export function dailyLoad(now: Date, peakHourUtc: number): number {
  const hour = now.getUTCHours() + now.getUTCMinutes() / 60;
  const shape = 0.5 * (1 + Math.cos((2 * Math.PI * (hour - peakHourUtc)) / 24));
  const day = now.getUTCDay();
  const weekend = day === 0 || day === 6 ? 0.7 : 1;
  return shape * weekend;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function resource(
  container: ContainerSpec,
  name: 'cpu' | 'memory',
): { request?: number; limit?: number } {
  return {
    request: quantityValue(container.resources?.requests?.[name]),
    limit: quantityValue(container.resources?.limits?.[name]),
  };
}

/** Per-container usage of a running pod; empty for pods that are not running. */
export function podUsage(
  pod: KubeObject,
  now: Date,
  behaviour: ClusterBehaviour,
): ContainerUsage[] {
  const status = (pod.status ?? {}) as { phase?: string };
  if (status.phase !== 'Running') return [];
  const spec = (pod.spec ?? {}) as { containers?: ContainerSpec[] };
  const curve = { ...DEFAULT_USAGE, ...behaviour.usage };
  const identity =
    pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
  const load = dailyLoad(now, curve.peakHourUtc);
  const bucket = Math.floor(now.getTime() / NOISE_BUCKET_MS);
  // Some pods are over-provisioned (factor well below 1), some run hot: that is what makes
  // showback interesting.
  const podFactor = 0.35 + 1.1 * hashToUnit(identity, 'factor');

  return (spec.containers ?? []).map(container => {
    const cpu = resource(container, 'cpu');
    const memory = resource(container, 'memory');
    const cpuBase = cpu.request ?? cpu.limit ?? DEFAULT_CPU_REQUEST;
    const memoryBase = memory.request ?? memory.limit ?? DEFAULT_MEMORY_REQUEST;
    const noise =
      (hashToUnit(identity, container.name, bucket) * 2 - 1) * curve.noise;
    const cpuFraction = clamp(
      (curve.base + (curve.peak - curve.base) * load) * podFactor + noise,
      0.01,
      3,
    );
    const cpuCores = Math.min(cpuBase * cpuFraction, cpu.limit ?? Infinity);
    // Memory follows the load loosely: a resident baseline plus a working set.
    const memoryNoise =
      (hashToUnit(identity, container.name, bucket, 'mem') * 2 - 1) *
      curve.noise *
      0.3;
    const memoryFraction = clamp(
      podFactor * (0.45 + 0.25 * load) + memoryNoise,
      0.05,
      1.5,
    );
    const memoryBytes = Math.min(
      memoryBase * memoryFraction,
      (memory.limit ?? Infinity) * 0.97,
    );
    return {
      name: container.name,
      cpuCores,
      memoryBytes: Math.round(memoryBytes),
    };
  });
}

/** Usage of a node: its pods' usage plus system daemons (kubelet, container runtime, OS). */
export function nodeUsage(
  node: KubeObject,
  pods: KubeObject[],
  now: Date,
  behaviour: ClusterBehaviour,
): NodeUsage {
  const nodeName = node.metadata.name;
  const allocatable =
    ((node.status ?? {}) as { allocatable?: Record<string, string> })
      .allocatable ?? {};
  const bucket = Math.floor(now.getTime() / NOISE_BUCKET_MS);
  const jitter = hashToUnit(nodeName ?? '', bucket);
  let cpuCores =
    0.08 + 0.03 * (quantityValue(allocatable.cpu) ?? 4) * (0.8 + 0.4 * jitter);
  let memoryBytes =
    700 * 2 ** 20 + 0.05 * (quantityValue(allocatable.memory) ?? 16 * 2 ** 30);
  for (const pod of pods) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName !== nodeName)
      continue;
    for (const container of podUsage(pod, now, behaviour)) {
      cpuCores += container.cpuCores;
      memoryBytes += container.memoryBytes;
    }
  }
  return { cpuCores, memoryBytes: Math.round(memoryBytes) };
}

/*
 * Pods from a workload's pod template, as the built-in controllers create them.
 */
import type { KubeObject } from '../types';
import { fnv1a32, safeEncode } from './hash';
import { clone, controllerRef } from './objects';
import { quantityValue } from '../apiserver/quantity';

/** core/v1 PodTemplateSpec, loosely typed. */
export interface PodTemplateSpec {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** A container of a pod spec, loosely typed. */
export interface ContainerSpec {
  name: string;
  image?: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  startupProbe?: unknown;
}

/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod. */
export const DEFAULT_TOLERATIONS = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

/** The pod-template-hash / controller-revision hash of a template, in the Kubernetes alphabet. */
export function templateHash(template: unknown, collisionCount = 0): string {
  return safeEncode(fnv1a32(`${JSON.stringify(template)}#${collisionCount}`));
}

/** Builds a pod from a template, owned by `owner`, with extra labels and spec fields. */
export function podFromTemplate(
  template: PodTemplateSpec,
  options: {
    name: string;
    namespace: string;
    owner: KubeObject;
    labels?: Record<string, string>;
    spec?: Record<string, unknown>;
  },
): KubeObject {
  const spec = { ...clone(template.spec ?? {}), ...options.spec } as Record<
    string,
    unknown
  >;
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  const tolerations =
    (spec.tolerations as
      | Array<{ key?: string; effect?: string }>
      | undefined) ?? [];
  for (const extra of DEFAULT_TOLERATIONS) {
    if (
      !tolerations.some(t => t.key === extra.key && t.effect === extra.effect)
    )
      tolerations.push({ ...extra });
  }
  spec.tolerations = tolerations;
  const metadata: KubeObject['metadata'] = {
    name: options.name,
    namespace: options.namespace,
    labels: { ...template.metadata?.labels, ...options.labels },
    ownerReferences: [controllerRef(options.owner)],
  };
  if (template.metadata?.annotations)
    metadata.annotations = { ...template.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

// Stored objects are immutable, so a pod's requests can be remembered per object (the scheduler
// sums them over every pod of every node for each decision).
const requestsCache = new WeakMap<
  KubeObject,
  { cpu: number; memory: number }
>();

/** Total CPU (cores) and memory (bytes) requested by a pod's containers (init containers: the max). */
export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  const cached = requestsCache.get(pod);
  if (cached) return cached;
  const sum = computeRequests(pod);
  requestsCache.set(pod, sum);
  return sum;
}

function computeRequests(pod: KubeObject): { cpu: number; memory: number } {
  const spec = (pod.spec ?? {}) as {
    containers?: ContainerSpec[];
    initContainers?: ContainerSpec[];
  };
  const sum = { cpu: 0, memory: 0 };
  for (const c of spec.containers ?? []) {
    sum.cpu +=
      quantityValue(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu) ??
      0;
    sum.memory +=
      quantityValue(
        c.resources?.requests?.memory ?? c.resources?.limits?.memory,
      ) ?? 0;
  }
  for (const c of spec.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, quantityValue(c.resources?.requests?.cpu) ?? 0);
    sum.memory = Math.max(
      sum.memory,
      quantityValue(c.resources?.requests?.memory) ?? 0,
    );
  }
  return sum;
}

/** Whether a pod has finished (Succeeded or Failed): it no longer counts for its controller or node. */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Whether a pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  const conditions = (
    pod.status as
      | { conditions?: Array<{ type: string; status: string }> }
      | undefined
  )?.conditions;
  return Boolean(
    conditions?.some(c => c.type === 'Ready' && c.status === 'True'),
  );
}

/** Whether a pod is available: Ready for at least minReadySeconds at `now`. */
export function isPodAvailable(
  pod: KubeObject,
  minReadySeconds: number,
  now: Date,
): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const conditions = (
    pod.status as {
      conditions?: Array<{ type: string; lastTransitionTime?: string }>;
    }
  ).conditions;
  const since = conditions?.find(c => c.type === 'Ready')?.lastTransitionTime;
  return !since || Date.parse(since) + minReadySeconds * 1000 <= now.getTime();
}

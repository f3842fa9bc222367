/*
 * DaemonSet → one pod per eligible node. Eligible: the node matches the template's node
 * selector and affinity, and the pod tolerates the node's NoSchedule/NoExecute taints (daemon
 * pods also tolerate the not-ready, unreachable and pressure taints, as the real controller
 * adds). Each pod is pinned to its node with required node affinity on metadata.name.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { randomSuffix } from './hash';
import { indexByController } from './indexes';
import {
  deepEqual,
  isTerminating,
  keyOf,
  omitZeroCounts,
  splitKey,
} from './objects';
import { matchesNodeAffinity, tolerates } from './podScheduler';
import {
  isPodAvailable,
  isPodReady,
  podFromTemplate,
  type PodTemplateSpec,
  templateHash,
} from './podTemplate';
import { activePodsOf } from './replicaSetController';

const MANAGER = 'daemonset-controller';

/** The tolerations the DaemonSet controller adds to every daemon pod. */
export const DAEMON_TOLERATIONS = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
  },
  {
    key: 'node.kubernetes.io/disk-pressure',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/memory-pressure',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/pid-pressure',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/unschedulable',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
];

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** Whether a daemon pod built from `template` should run on `node`. */
export function shouldRunOn(
  template: PodTemplateSpec,
  node: KubeObject,
): boolean {
  const probe: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {},
    spec: template.spec ?? {},
  };
  if (!matchesNodeAffinity(probe, node)) return false;
  const tolerations = [
    ...(((template.spec as { tolerations?: unknown[] } | undefined)
      ?.tolerations ?? []) as Taint[]),
    ...DAEMON_TOLERATIONS,
  ];
  const taints = (
    (node.spec as { taints?: Taint[] } | undefined)?.taints ?? []
  ).filter(t => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  return taints.every(taint => tolerations.some(t => tolerates(t, taint)));
}

function nodeOfPod(pod: KubeObject): string | undefined {
  const spec = pod.spec as {
    nodeName?: string;
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: Array<{
            matchFields?: Array<{ values?: string[] }>;
          }>;
        };
      };
    };
  };
  return (
    spec.nodeName ??
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0]
  );
}

/** The daemonset controller. */
export class DaemonSetController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    indexByController(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.daemonsets, (_type, ds) => this.queue.add(keyOf(ds)));
    this.subscribe(GVRS.pods, (_type, pod, old) =>
      this.queueController('DaemonSet', pod, old),
    );
    this.subscribe(GVRS.nodes, (type, node, old) => {
      if (
        type === 'MODIFIED' &&
        deepEqual(node.metadata.labels, old?.metadata.labels) &&
        deepEqual(node.spec, old?.spec) &&
        deepEqual(node.status, old?.status)
      )
        return;
      for (const ds of this.client.informer(GVRS.daemonsets).list())
        this.queue.add(keyOf(ds));
    });
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.client.informer(GVRS.daemonsets).get(namespace, name);
    if (!ds || isTerminating(ds)) return;
    const template = (ds.spec as { template: PodTemplateSpec }).template;
    const revision = templateHash(template);
    const nodes = this.client.informer(GVRS.nodes).list();
    const eligible = new Set(
      nodes.filter(n => shouldRunOn(template, n)).map(n => n.metadata.name!),
    );
    const pods = activePodsOf(this.client, ds);
    const podsByNode = new Map<string, KubeObject[]>();
    for (const pod of pods) {
      const node = nodeOfPod(pod) ?? '';
      podsByNode.set(node, [...(podsByNode.get(node) ?? []), pod]);
    }

    for (const [node, onNode] of podsByNode) {
      const keep = eligible.has(node)
        ? onNode
            .filter(
              p => p.metadata.labels?.['controller-revision-hash'] === revision,
            )
            .slice(0, 1)
        : [];
      for (const pod of onNode)
        if (!keep.includes(pod)) this.deletePod(ds, pod);
      if (keep.length === 0) podsByNode.delete(node);
    }
    for (const node of [...eligible].sort()) {
      if (podsByNode.has(node)) continue;
      const pod = podFromTemplate(template, {
        name: `${name}-${randomSuffix(this.ctx.random)}`,
        namespace: namespace!,
        owner: ds,
        labels: {
          'controller-revision-hash': revision,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        spec: {
          affinity: {
            ...((template.spec as { affinity?: object } | undefined)
              ?.affinity ?? {}),
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchFields: [
                      { key: 'metadata.name', operator: 'In', values: [node] },
                    ],
                  },
                ],
              },
            },
          },
          tolerations: [
            ...(((template.spec as { tolerations?: unknown[] } | undefined)
              ?.tolerations ?? []) as object[]),
            ...DAEMON_TOLERATIONS,
          ],
        },
      });
      try {
        this.createPod(ds, pod);
      } catch (err) {
        this.recordFailedCreate(ds, (err as Error).message);
        break;
      }
    }
    this.writeStatus(ds, eligible, revision);
  }

  private writeStatus(
    ds: KubeObject,
    eligible: Set<string>,
    revision: string,
  ): void {
    const current = this.latest(GVRS.daemonsets, ds);
    const pods = activePodsOf(this.client, ds);
    const scheduled = pods.filter(p => eligible.has(nodeOfPod(p) ?? ''));
    const now = this.ctx.clock.now();
    const minReadySeconds =
      (current.spec as { minReadySeconds?: number }).minReadySeconds ?? 0;
    const available = scheduled.filter(p =>
      isPodAvailable(p, minReadySeconds, now),
    ).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: eligible.size,
      numberMisscheduled: pods.length - scheduled.length,
      numberReady: scheduled.filter(isPodReady).length,
      numberAvailable: available,
      numberUnavailable: eligible.size - available,
      updatedNumberScheduled: scheduled.filter(
        p => p.metadata.labels?.['controller-revision-hash'] === revision,
      ).length,
      observedGeneration: current.metadata.generation ?? 1,
    };
    omitZeroCounts(status, [
      'numberAvailable',
      'numberUnavailable',
      'updatedNumberScheduled',
    ]);
    if (deepEqual(status, current.status)) return;
    this.client.updateStatus(GVRS.daemonsets, { ...current, status }, MANAGER);
  }
}

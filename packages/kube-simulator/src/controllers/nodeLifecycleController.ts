/*
 * Node status as kubelets and the node lifecycle controller keep it: defaults for nodes a
 * scenario declares without status (capacity, addresses, conditions), NotReady nodes from
 * behaviour.notReadyNodes (Ready=Unknown), and the not-ready / unreachable taints that keep
 * new pods away from nodes that are not Ready.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { fnv1a32, hexDigest } from './hash';
import {
  clone,
  type Condition,
  deepEqual,
  findCondition,
  keyOf,
} from './objects';

const MANAGER = 'node-controller';
const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
/** The taint for a Ready condition status: False → not-ready, Unknown → unreachable. */
const TAINT_FOR_READY: Record<string, string | undefined> = {
  False: NOT_READY_TAINT,
  Unknown: UNREACHABLE_TAINT,
};

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const HEALTHY_CONDITIONS: Array<[string, string, string, string]> = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  [
    'DiskPressure',
    'False',
    'KubeletHasNoDiskPressure',
    'kubelet has no disk pressure',
  ],
  [
    'PIDPressure',
    'False',
    'KubeletHasSufficientPID',
    'kubelet has sufficient PID available',
  ],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The conditions of a healthy node whose kubelet posts status, all changed at `since`. */
export function healthyNodeConditions(since: string): Condition[] {
  return HEALTHY_CONDITIONS.map(([type, status, reason, message]) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: since,
    lastTransitionTime: since,
  }));
}

/** A condition as the node lifecycle controller marks it once the kubelet stopped posting status. */
export function unknownNodeCondition(c: Condition, since: string): Condition {
  return c.status === 'Unknown'
    ? c
    : {
        ...c,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: since,
      };
}

/** The status a node reports, filling what the scenario left out and applying NotReady. */
export function desiredNodeStatus(
  node: KubeObject,
  unreachable: boolean,
  now: string,
): Record<string, any> {
  const status = clone((node.status ?? {}) as Record<string, any>);
  const name = node.metadata.name ?? '';
  status.capacity ??= {
    cpu: '4',
    memory: '16Gi',
    pods: '110',
    'ephemeral-storage': '100Gi',
  };
  status.allocatable ??= { ...status.capacity };
  if (!status.addresses) {
    const h = fnv1a32(name);
    status.addresses = [
      {
        type: 'InternalIP',
        address: `10.0.${(h >>> 8) % 250}.${2 + (h % 250)}`,
      },
      { type: 'Hostname', address: name },
    ];
  }
  status.daemonEndpoints ??= { kubeletEndpoint: { Port: 10250 } };
  status.nodeInfo ??= {
    machineID: hexDigest(`${name}/machine`, 32),
    systemUUID: hexDigest(`${name}/uuid`, 32),
    bootID: hexDigest(`${name}/boot`, 32),
    kernelVersion: '6.1.0-28-cloud-amd64',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    containerRuntimeVersion: 'containerd://1.7.22',
    kubeletVersion: 'v1.31.4',
    kubeProxyVersion: 'v1.31.4',
    operatingSystem: 'linux',
    architecture: 'amd64',
  };
  if (!findCondition(status.conditions, 'Ready'))
    status.conditions = healthyNodeConditions(now);
  if (unreachable) {
    status.conditions = (status.conditions as Condition[]).map(c =>
      unknownNodeCondition(c, now),
    );
  }
  return status;
}

/** The taints the node lifecycle controller keeps for the node's Ready condition. */
export function desiredNodeTaints(
  node: KubeObject,
  ready: string | undefined,
  now: string,
): Taint[] {
  const taints = (
    (node.spec as { taints?: Taint[] } | undefined)?.taints ?? []
  ).filter(t => t.key !== NOT_READY_TAINT && t.key !== UNREACHABLE_TAINT);
  const key = TAINT_FOR_READY[ready ?? 'True'];
  if (!key) return taints;
  const existing = (
    (node.spec as { taints?: Taint[] } | undefined)?.taints ?? []
  ).filter(t => t.key === key);
  const timeAdded = existing.find(t => t.timeAdded)?.timeAdded ?? now;
  return [
    ...taints,
    { key, effect: 'NoSchedule', timeAdded },
    { key, effect: 'NoExecute', timeAdded },
  ];
}

/** The node lifecycle controller. */
export class NodeLifecycleController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.nodes, (type, node) => {
      if (type !== 'DELETED') this.queue.add(keyOf(node));
    });
  }

  protected reconcile(name: string): void {
    let node = this.client.informer(GVRS.nodes).get(undefined, name);
    if (!node) return;
    const now = this.nowTime();
    const unreachable = (this.ctx.behaviour.notReadyNodes ?? []).includes(name);
    const status = desiredNodeStatus(node, unreachable, now);
    if (!deepEqual(status, node.status)) {
      const wasReady = findCondition(
        (node.status as { conditions?: unknown } | undefined)?.conditions,
        'Ready',
      )?.status;
      node = this.client.updateStatus(GVRS.nodes, { ...node, status }, MANAGER);
      const ready = findCondition(status.conditions, 'Ready')?.status;
      if (ready !== 'True' && wasReady !== ready) {
        this.events.record(
          node,
          'Normal',
          'NodeNotReady',
          `Node ${name} status is now: NodeNotReady`,
        );
      }
    }
    const ready = findCondition(
      (node.status as { conditions?: unknown }).conditions,
      'Ready',
    )?.status;
    const taints = desiredNodeTaints(node, ready, now);
    const current =
      (node.spec as { taints?: Taint[] } | undefined)?.taints ?? [];
    if (!deepEqual(taints, current)) {
      const spec = { ...(node.spec as object) } as Record<string, unknown>;
      if (taints.length) spec.taints = taints;
      else delete spec.taints;
      this.client.update(GVRS.nodes, { ...node, spec }, MANAGER);
    }
  }
}

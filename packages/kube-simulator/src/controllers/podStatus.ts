/*
 * What the kubelet would report for a pod: phase, conditions, container statuses, IPs.
 * A pure function of the pod, its node, the scenario's podStates override and the time, so
 * generated pods (the scale scenario) can carry exactly the status the kubelet controller
 * would write, and the controller writes only when something changed.
 */
import { qosClassOf } from '../apiserver/defaults';
import type { KubeObject } from '../types';
import { fnv1a32, hexDigest } from './hash';
import {
  type Condition,
  controllerOf,
  findCondition,
  toKubeTime,
} from './objects';
import type { ContainerSpec } from './podTemplate';

/** A scenario override for the pods matching `selector` (see ClusterBehaviour.podStates). */
export interface PodStateOverride {
  selector: string;
  phase?: string;
  ready?: boolean;
  restarts?: number;
  reason?: string;
}

/** Inputs of the kubelet's status computation. */
export interface PodStatusInput {
  pod: KubeObject;
  node: KubeObject;
  now: Date;
  override?: PodStateOverride;
  /** How long a Job's pod runs before it Succeeds. */
  jobDurationMs: number;
}

/** How often a crash-looping container restarts in simulated time (the back-off ceiling). */
export const CRASH_LOOP_PERIOD_MS = 5 * 60 * 1000;

interface PreviousStatus {
  phase?: string;
  startTime?: string;
  conditions?: Condition[];
  containerStatuses?: Array<{
    name: string;
    restartCount?: number;
    state?: { running?: { startedAt?: string } };
    lastState?: unknown;
  }>;
}

function nodeAddress(node: KubeObject): string {
  const addresses = (
    node.status as
      | { addresses?: Array<{ type: string; address: string }> }
      | undefined
  )?.addresses;
  return addresses?.find(a => a.type === 'InternalIP')?.address ?? '';
}

/** The pod IP: an address in the node's podCIDR derived from the pod's name. */
export function podIP(pod: KubeObject, node: KubeObject): string {
  if ((pod.spec as { hostNetwork?: boolean }).hostNetwork)
    return nodeAddress(node);
  const host =
    2 + (fnv1a32(`${pod.metadata.namespace}/${pod.metadata.name}`) % 250);
  const cidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const match = cidr && /^(\d+\.\d+\.\d+)\.\d+\/\d+$/.exec(cidr);
  if (match) return `${match[1]}.${host}`;
  const n = fnv1a32(node.metadata.name ?? '');
  return `10.${100 + (n % 100)}.${(n >>> 8) % 256}.${host}`;
}

/** The QoS class of a pod (Guaranteed, Burstable or BestEffort), as the API server sets it. */
export function qosClass(pod: KubeObject): string {
  return qosClassOf(pod.spec as Record<string, unknown> | undefined);
}

function imageID(image: string): string {
  const repository = image.replace(/[:@].*$/, '');
  const qualified = repository.includes('/')
    ? repository
    : `library/${repository}`;
  const registry = qualified.split('/')[0].includes('.') ? '' : 'docker.io/';
  return `${registry}${qualified}@sha256:${hexDigest(image, 64)}`;
}

function isJobPod(pod: KubeObject): boolean {
  const restartPolicy = (pod.spec as { restartPolicy?: string }).restartPolicy;
  return controllerOf(pod)?.kind === 'Job' && restartPolicy !== 'Always';
}

/** Whether the pod's status depends on time (Job pods finish, crash loops restart): the kubelet re-checks them on ticks. */
export function isTimeDependent(
  pod: KubeObject,
  override?: PodStateOverride,
): boolean {
  if (isJobPod(pod))
    return (
      (pod.status as { phase?: string } | undefined)?.phase !== 'Succeeded'
    );
  return (
    override?.reason === 'CrashLoopBackOff' || override?.reason === 'OOMKilled'
  );
}

/** The status the kubelet reports for a pod bound to `node`. */
export function desiredPodStatus(
  input: PodStatusInput,
): Record<string, unknown> {
  const { pod, node, now, override } = input;
  const previous = (pod.status ?? {}) as PreviousStatus;
  const nowTime = toKubeTime(now);
  const startTime = previous.startTime ?? nowTime;
  const containers = ((pod.spec as { containers?: ContainerSpec[] })
    .containers ?? []) as ContainerSpec[];
  const initContainers = ((pod.spec as { initContainers?: ContainerSpec[] })
    .initContainers ?? []) as ContainerSpec[];
  const nodeReadyStatus = findCondition(
    (node.status as { conditions?: unknown } | undefined)?.conditions,
    'Ready',
  )?.status;
  const nodeReady =
    nodeReadyStatus !== 'False' && nodeReadyStatus !== 'Unknown';
  const condition = (
    type: string,
    status: string,
    reason?: string,
    message?: string,
  ): Condition => {
    const before = previous.conditions?.find(c => c.type === type);
    const c: Condition = {
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime:
        before?.status === status
          ? before.lastTransitionTime ?? nowTime
          : nowTime,
    };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    return c;
  };
  const base = {
    hostIP: nodeAddress(node),
    hostIPs: [{ ip: nodeAddress(node) }],
    startTime,
    qosClass: qosClass(pod),
  };
  const ip = podIP(pod, node);
  const containerId = (name: string, restarts: number) =>
    `containerd://${hexDigest(
      `${pod.metadata.namespace}/${pod.metadata.name}/${name}/${restarts}`,
      64,
    )}`;
  // A container that ran once and exited 0 (init containers, finished Job pods).
  const completed = (c: ContainerSpec, finishedAt: string, ready: boolean) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: imageID(c.image ?? ''),
    containerID: containerId(c.name, 0),
    ready,
    restartCount: 0,
    started: false,
    state: {
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: startTime,
        finishedAt,
        containerID: containerId(c.name, 0),
      },
    },
  });
  const initStatuses = initContainers.map(c => completed(c, startTime, true));
  const withInit = (status: Record<string, unknown>) =>
    initStatuses.length
      ? { ...status, initContainerStatuses: initStatuses }
      : status;

  // A scenario pins the pod before its containers start (image pull back-off, volume not ready…).
  if (override?.phase === 'Pending') {
    const reason = override.reason ?? 'ContainerCreating';
    const names = containers.map(c => c.name).join(' ');
    return withInit({
      phase: 'Pending',
      conditions: [
        condition('PodReadyToStartContainers', 'False'),
        condition('Initialized', 'True'),
        condition(
          'Ready',
          'False',
          'ContainersNotReady',
          `containers with unready status: [${names}]`,
        ),
        condition(
          'ContainersReady',
          'False',
          'ContainersNotReady',
          `containers with unready status: [${names}]`,
        ),
        condition('PodScheduled', 'True'),
      ],
      ...base,
      containerStatuses: containers.map(c => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: {
          waiting:
            reason === 'ImagePullBackOff' || reason === 'ErrImagePull'
              ? { reason, message: `Back-off pulling image "${c.image ?? ''}"` }
              : { reason },
        },
        lastState: {},
      })),
    });
  }

  if (override?.phase === 'Failed') {
    return {
      phase: 'Failed',
      reason: override.reason ?? 'Error',
      message: 'The pod failed.',
      ...base,
      conditions: previous.conditions ?? [],
    };
  }

  if (isJobPod(pod)) {
    const done =
      previous.phase === 'Succeeded' ||
      Date.parse(startTime) + input.jobDurationMs <= now.getTime();
    if (done) {
      const finishedAt =
        previous.phase === 'Succeeded'
          ? (
              previous.containerStatuses?.[0] as
                | { state?: { terminated?: { finishedAt?: string } } }
                | undefined
            )?.state?.terminated?.finishedAt ?? nowTime
          : toKubeTime(
              new Date(
                Math.max(
                  Date.parse(startTime) + input.jobDurationMs,
                  now.getTime() - 1000,
                ),
              ),
            );
      return withInit({
        phase: 'Succeeded',
        conditions: [
          condition('PodReadyToStartContainers', 'False'),
          condition('Initialized', 'True', 'PodCompleted'),
          condition('Ready', 'False', 'PodCompleted'),
          condition('ContainersReady', 'False', 'PodCompleted'),
          condition('PodScheduled', 'True'),
        ],
        ...base,
        podIP: ip,
        podIPs: [{ ip }],
        containerStatuses: containers.map(c => ({
          ...completed(c, finishedAt, false),
          lastState: {},
        })),
      });
    }
  }

  const crashReason =
    override?.reason === 'CrashLoopBackOff' || override?.reason === 'OOMKilled'
      ? override.reason
      : undefined;
  const elapsed = Math.max(0, now.getTime() - Date.parse(startTime));
  const baseRestarts = override?.restarts ?? 0;
  const restarts = crashReason
    ? baseRestarts + Math.floor(elapsed / CRASH_LOOP_PERIOD_MS)
    : baseRestarts;
  const containerStatuses = containers.map((c, index) => {
    const crashing = crashReason !== undefined && index === 0;
    const before = previous.containerStatuses?.find(s => s.name === c.name);
    const count = index === 0 ? restarts : 0;
    const sameRun = before?.restartCount === count;
    const startedAt =
      (sameRun ? before?.state?.running?.startedAt : undefined) ?? nowTime;
    let lastTerminated: unknown = {};
    if (count > 0) {
      lastTerminated =
        sameRun && before?.lastState
          ? before.lastState
          : {
              terminated: {
                exitCode: crashReason === 'OOMKilled' ? 137 : 1,
                reason: crashReason === 'OOMKilled' ? 'OOMKilled' : 'Error',
                startedAt: toKubeTime(new Date(now.getTime() - 60_000)),
                finishedAt: nowTime,
                containerID: containerId(c.name, count - 1),
              },
            };
    }
    const ready = !crashing && override?.ready !== false;
    return {
      name: c.name,
      image: c.image ?? '',
      imageID: imageID(c.image ?? ''),
      containerID: containerId(c.name, count),
      ready,
      restartCount: count,
      started: !crashing,
      state: crashing
        ? {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 5m0s restarting failed container=${
                c.name
              } pod=${pod.metadata.name}_${pod.metadata.namespace}(${
                pod.metadata.uid ?? ''
              })`,
            },
          }
        : { running: { startedAt } },
      lastState: lastTerminated,
    };
  });
  const unready = containerStatuses.filter(s => !s.ready).map(s => s.name);
  const containersReady = unready.length === 0;
  const notReadyMessage = `containers with unready status: [${unready.join(
    ' ',
  )}]`;
  return withInit({
    phase: 'Running',
    conditions: [
      condition('PodReadyToStartContainers', 'True'),
      condition('Initialized', 'True'),
      containersReady
        ? condition('Ready', nodeReady ? 'True' : 'False')
        : condition('Ready', 'False', 'ContainersNotReady', notReadyMessage),
      containersReady
        ? condition('ContainersReady', 'True')
        : condition(
            'ContainersReady',
            'False',
            'ContainersNotReady',
            notReadyMessage,
          ),
      condition('PodScheduled', 'True'),
    ],
    ...base,
    podIP: ip,
    podIPs: [{ ip }],
    containerStatuses,
  });
}

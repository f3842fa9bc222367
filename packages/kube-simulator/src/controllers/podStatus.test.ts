import type { KubeObject } from '../types';
import { deepEqual, findCondition } from './objects';
import { desiredPodStatus, podIP, qosClass } from './podStatus';

const node = (ready = 'True'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'w-1' },
  spec: { podCIDR: '10.244.3.0/24' },
  status: {
    addresses: [{ type: 'InternalIP', address: '10.0.1.11' }],
    conditions: [{ type: 'Ready', status: ready }],
  },
});

const pod = (
  extra: Partial<KubeObject> = {},
  spec: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-abc12', namespace: 'shop', uid: 'u-1' },
  spec: {
    nodeName: 'w-1',
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '100m', memory: '128Mi' },
        },
      },
    ],
    ...spec,
  },
  ...extra,
});

const t0 = new Date('2025-03-12T10:00:00Z');
const input = (
  p: KubeObject,
  now = t0,
  extra: Record<string, unknown> = {},
) => ({ pod: p, node: node(), now, jobDurationMs: 60_000, ...extra });
const ready = (status: Record<string, unknown>) =>
  findCondition(status.conditions, 'Ready')?.status;

describe('desiredPodStatus', () => {
  it('reports a running, ready pod with IPs and container statuses', () => {
    const status = desiredPodStatus(input(pod()));
    expect(status).toMatchObject({
      phase: 'Running',
      hostIP: '10.0.1.11',
      startTime: '2025-03-12T10:00:00Z',
      qosClass: 'Guaranteed',
    });
    expect(status.podIP).toMatch(/^10\.244\.3\.\d+$/);
    expect(ready(status)).toBe('True');
    expect((status.containerStatuses as any[])[0]).toMatchObject({
      name: 'app',
      ready: true,
      restartCount: 0,
      started: true,
    });
  });

  it('is stable: feeding the status back in changes nothing', () => {
    const first = desiredPodStatus(input(pod()));
    const second = desiredPodStatus(
      input(pod({ status: first }), new Date(t0.getTime() + 3_600_000)),
    );
    expect(deepEqual(first, second)).toBe(true);
  });

  it('marks pods on a NotReady node not Ready', () => {
    const status = desiredPodStatus({ ...input(pod()), node: node('Unknown') });
    expect(ready(status)).toBe('False');
    expect(status.phase).toBe('Running');
  });

  it.each([
    ['at start', 0, 12],
    ['after 30 minutes', 30 * 60_000, 18],
  ])(
    'CrashLoopBackOff %s has growing restarts',
    (_label, elapsed, restarts) => {
      const override = {
        selector: 'app=web',
        reason: 'CrashLoopBackOff',
        restarts: 12,
      };
      const started = pod({ status: { startTime: '2025-03-12T10:00:00Z' } });
      const status = desiredPodStatus(
        input(started, new Date(t0.getTime() + elapsed), { override }),
      );
      const container = (status.containerStatuses as any[])[0];
      expect(container.restartCount).toBe(restarts);
      expect(container.state.waiting.reason).toBe('CrashLoopBackOff');
      expect(container.lastState.terminated).toMatchObject({
        exitCode: 1,
        reason: 'Error',
      });
      expect(ready(status)).toBe('False');
    },
  );

  it.each([
    ['ContainerCreating', undefined],
    ['ImagePullBackOff', 'Back-off pulling image "nginx:1.27"'],
  ])('keeps a pod Pending with reason %s', (reason, message) => {
    const status = desiredPodStatus(
      input(pod(), t0, {
        override: { selector: '', phase: 'Pending', reason },
      }),
    );
    expect(status.phase).toBe('Pending');
    expect((status.containerStatuses as any[])[0].state.waiting).toEqual(
      message ? { reason, message } : { reason },
    );
  });

  it('reports a readiness failure without restarts', () => {
    const status = desiredPodStatus(
      input(pod(), t0, { override: { selector: '', ready: false } }),
    );
    expect(status.phase).toBe('Running');
    expect(findCondition(status.conditions, 'ContainersReady')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
    });
  });

  it('lets a Job pod succeed after the job duration', () => {
    const jobPod = pod(
      {
        metadata: {
          name: 'report-x',
          namespace: 'batch',
          ownerReferences: [
            {
              apiVersion: 'batch/v1',
              kind: 'Job',
              name: 'report',
              uid: 'j',
              controller: true,
            },
          ],
        },
      },
      { restartPolicy: 'Never' },
    );
    const running = desiredPodStatus(input(jobPod));
    expect(running.phase).toBe('Running');
    const later = desiredPodStatus(
      input({ ...jobPod, status: running }, new Date(t0.getTime() + 120_000)),
    );
    expect(later.phase).toBe('Succeeded');
    expect(
      (later.containerStatuses as any[])[0].state.terminated,
    ).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('helpers', () => {
  it.each([
    [
      {
        requests: { cpu: '1', memory: '1Gi' },
        limits: { cpu: '1', memory: '1Gi' },
      },
      'Guaranteed',
    ],
    [{ requests: { cpu: '500m' } }, 'Burstable'],
    [undefined, 'BestEffort'],
  ])('qosClass(%j) = %s', (resources, expected) => {
    expect(qosClass(pod({}, { containers: [{ name: 'a', resources }] }))).toBe(
      expected,
    );
  });

  it('derives the pod IP from the pod name, not its uid', () => {
    expect(podIP(pod(), node())).toBe(
      podIP(
        { ...pod(), metadata: { ...pod().metadata, uid: 'other' } },
        node(),
      ),
    );
  });
});

import type { KubeObject } from '../types';
import { type SchedulingNode, schedulePod } from './podScheduler';

function node(
  name: string,
  zone: string,
  opts: { cpu?: string; ready?: boolean; controlPlane?: boolean } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'topology.kubernetes.io/zone': zone,
        ...(opts.controlPlane
          ? { 'node-role.kubernetes.io/control-plane': '' }
          : {}),
      },
    },
    spec: opts.controlPlane
      ? {
          taints: [
            {
              key: 'node-role.kubernetes.io/control-plane',
              effect: 'NoSchedule',
            },
          ],
        }
      : {},
    status: {
      allocatable: { cpu: opts.cpu ?? '4', memory: '16Gi', pods: '110' },
      conditions: [
        { type: 'Ready', status: opts.ready === false ? 'False' : 'True' },
      ],
    },
  };
}

function pod(
  name: string,
  extra: Record<string, unknown> = {},
  owner = 'rs-1',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      labels: { app: 'web' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: owner,
          controller: true,
        },
      ],
    },
    spec: {
      containers: [
        { name: 'app', resources: { requests: { cpu: '1', memory: '1Gi' } } },
      ],
      ...extra,
    },
  };
}

/** Places `count` pods one after the other, as the scheduler controller would. */
function placeAll(
  count: number,
  nodes: SchedulingNode[],
  extra: Record<string, unknown> = {},
): string[] {
  const placed: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = pod(`web-${i}`, extra);
    const result = schedulePod(p, nodes);
    if (!result.nodeName)
      throw new Error((result as { message: string }).message);
    nodes.find(n => n.node.metadata.name === result.nodeName)!.pods.push(p);
    placed.push(result.nodeName);
  }
  return placed;
}

const fleet = () =>
  [
    node('cp-a', 'eu-west-1a', { controlPlane: true }),
    node('w-a1', 'eu-west-1a'),
    node('w-a2', 'eu-west-1a'),
    node('w-b1', 'eu-west-1b'),
    node('w-c1', 'eu-west-1c'),
  ].map(n => ({ node: n, pods: [] as KubeObject[] }));

describe('schedulePod', () => {
  it('spreads replicas across zones before doubling up in a zone', () => {
    const zones = placeAll(3, fleet()).map(n => n.split('-')[1][0]);
    expect(new Set(zones).size).toBe(3);
  });

  it('never uses a tainted control-plane node without a toleration', () => {
    expect(placeAll(12, fleet())).not.toContain('cp-a');
  });

  it('uses a tainted node when the pod tolerates the taint', () => {
    const nodes = [
      { node: node('cp-a', 'a', { controlPlane: true }), pods: [] },
    ];
    const result = schedulePod(
      pod('p', {
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
        ],
      }),
      nodes,
    );
    expect(result.nodeName).toBe('cp-a');
  });

  it.each([
    [
      'insufficient cpu',
      [{ node: node('w', 'a', { cpu: '500m' }), pods: [] }],
      {},
      '0/1 nodes are available: 1 Insufficient cpu.',
    ],
    [
      'not ready node',
      [{ node: node('w', 'a', { ready: false }), pods: [] }],
      {},
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.',
    ],
    [
      'node selector',
      [{ node: node('w', 'a'), pods: [] }],
      { nodeSelector: { disk: 'ssd' } },
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.",
    ],
    [
      'mixed reasons, sorted',
      [
        { node: node('cp', 'a', { controlPlane: true }), pods: [] },
        { node: node('w1', 'a', { cpu: '500m' }), pods: [] },
        { node: node('w2', 'a', { cpu: '500m' }), pods: [] },
      ],
      {},
      '0/3 nodes are available: 2 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    ],
  ])('explains %s', (_name, nodes, extra, message) => {
    const result = schedulePod(pod('p', extra), nodes as SchedulingNode[]);
    expect(result.nodeName).toBeUndefined();
    expect((result as { message: string }).message.startsWith(message)).toBe(
      true,
    );
  });

  it('respects required hostname anti-affinity', () => {
    const antiAffinity = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              labelSelector: { matchLabels: { app: 'web' } },
              topologyKey: 'kubernetes.io/hostname',
            },
          ],
        },
      },
    };
    const nodes = fleet();
    const placed = placeAll(4, nodes, antiAffinity);
    expect(new Set(placed).size).toBe(4);
    const fifth = schedulePod(pod('web-4', antiAffinity), nodes);
    expect((fifth as { message: string }).message).toContain(
      "4 node(s) didn't match pod anti-affinity rules",
    );
  });

  it('enforces a DoNotSchedule zone spread constraint', () => {
    const spread = {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ],
    };
    const nodes = [
      { node: node('a1', 'a'), pods: [] as KubeObject[] },
      { node: node('b1', 'b', { cpu: '1' }), pods: [] as KubeObject[] },
    ];
    expect(placeAll(2, nodes, spread).sort()).toEqual(['a1', 'b1']);
    // b is full, a already has one more than b's count + maxSkew would allow after this one.
    expect(schedulePod(pod('web-2', spread), nodes).nodeName).toBe('a1');
    nodes[0].pods.push(pod('web-2', spread));
    const result = schedulePod(pod('web-3', spread), nodes);
    expect((result as { message: string }).message).toContain(
      "node(s) didn't match pod topology spread constraints",
    );
  });

  it('honours matchFields metadata.name (DaemonSet pods)', () => {
    const nodes = fleet();
    const result = schedulePod(
      pod('ds', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    { key: 'metadata.name', operator: 'In', values: ['w-b1'] },
                  ],
                },
              ],
            },
          },
        },
      }),
      nodes,
    );
    expect(result.nodeName).toBe('w-b1');
  });
});

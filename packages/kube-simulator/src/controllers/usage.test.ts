import type { KubeObject } from '../types';
import { dailyLoad, nodeUsage, podUsage } from './usage';

function pod(uid: string, phase = 'Running', nodeName = 'node-a'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${uid}`, namespace: 'ns', uid },
    spec: {
      nodeName,
      containers: [
        {
          name: 'app',
          resources: {
            requests: { cpu: '500m', memory: '512Mi' },
            limits: { cpu: '1', memory: '1Gi' },
          },
        },
        { name: 'sidecar' },
      ],
    },
    status: { phase },
  };
}

const behaviour = {
  usage: { base: 0.2, peak: 0.8, noise: 0.05, peakHourUtc: 14 },
};

describe('dailyLoad', () => {
  it.each([
    ['2025-03-12T14:00:00Z', 1],
    ['2025-03-12T02:00:00Z', 0],
    ['2025-03-15T14:00:00Z', 0.7], // Saturday
  ])('%s → %d', (time, expected) => {
    expect(dailyLoad(new Date(time), 14)).toBeCloseTo(expected, 5);
  });
});

describe('podUsage', () => {
  it('is deterministic for the same pod and time', () => {
    const now = new Date('2025-03-12T10:07:00Z');
    expect(podUsage(pod('u1'), now, behaviour)).toEqual(
      podUsage(pod('u1'), now, behaviour),
    );
  });

  it('varies over the day, so cost history is not flat', () => {
    const night = podUsage(
      pod('u1'),
      new Date('2025-03-12T02:00:00Z'),
      behaviour,
    )[0];
    const peak = podUsage(
      pod('u1'),
      new Date('2025-03-12T14:00:00Z'),
      behaviour,
    )[0];
    expect(peak.cpuCores).toBeGreaterThan(night.cpuCores * 1.5);
  });

  it('differs between pods and stays within limits', () => {
    const now = new Date('2025-03-12T14:00:00Z');
    const samples = ['a', 'b', 'c', 'd', 'e', 'f'].map(
      uid => podUsage(pod(uid), now, behaviour)[0],
    );
    expect(new Set(samples.map(s => s.cpuCores.toFixed(4))).size).toBe(
      samples.length,
    );
    for (const s of samples) {
      expect(s.cpuCores).toBeGreaterThan(0);
      expect(s.cpuCores).toBeLessThanOrEqual(1);
      expect(s.memoryBytes).toBeLessThanOrEqual(2 ** 30);
    }
  });

  it('reports each container, defaulting requests for containers without them', () => {
    const usage = podUsage(
      pod('u2'),
      new Date('2025-03-12T14:00:00Z'),
      behaviour,
    );
    expect(usage.map(c => c.name)).toEqual(['app', 'sidecar']);
    expect(usage[1].cpuCores).toBeGreaterThan(0);
  });

  it('is empty for pods that are not running', () => {
    expect(podUsage(pod('u3', 'Pending'), new Date(), behaviour)).toEqual([]);
  });
});

describe('nodeUsage', () => {
  it('adds the pods on the node to a system baseline', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-a' },
      status: { allocatable: { cpu: '4', memory: '16Gi' } },
    };
    const now = new Date('2025-03-12T14:00:00Z');
    const empty = nodeUsage(node, [], now, behaviour);
    const busy = nodeUsage(
      node,
      [pod('a'), pod('b'), pod('c', 'Running', 'node-b')],
      now,
      behaviour,
    );
    const expected = [pod('a'), pod('b')]
      .flatMap(p => podUsage(p, now, behaviour))
      .reduce((s, c) => s + c.cpuCores, 0);
    expect(busy.cpuCores - empty.cpuCores).toBeCloseTo(expected, 9);
    expect(empty.memoryBytes).toBeGreaterThan(700 * 2 ** 20);
  });
});

import type { Scenario } from '@kubeyard/kube-simulator';

/** A Node with 8 CPU and 32Gi allocatable. */
export function node(name: string, zone: string, role: 'control-plane' | 'worker', ready = true) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'topology.kubernetes.io/zone': zone,
        ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: role === 'control-plane' ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: ready ? 'KubeletReady' : 'KubeletNotReady' }],
      nodeInfo: { kubeletVersion: 'v1.31.4' },
    },
  };
}

/** A Deployment whose pods request 250m CPU and 256Mi and carry `backstage.io/kubernetes-id`. */
export function deployment(namespace: string, name: string, replicas: number, kubernetesId: string) {
  const labels = { app: name, 'backstage.io/kubernetes-id': kubernetesId };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace, name, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1', resources: { requests: { cpu: '250m', memory: '256Mi' } } }] },
      },
    },
  };
}

/** Two small clusters: `alpha` (3 zones, HA control plane) and `beta` (one control plane, one NotReady worker). */
export function fleetScenario(): Scenario {
  const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return {
    name: 'fleet-test',
    clusters: [
      {
        name: 'alpha',
        token: 'alpha-token',
        version: 'v1.31.4',
        objects: [
          node('alpha-cp-a', 'z-a', 'control-plane'),
          node('alpha-cp-b', 'z-b', 'control-plane'),
          node('alpha-cp-c', 'z-c', 'control-plane'),
          node('alpha-w-a', 'z-a', 'worker'),
          node('alpha-w-b', 'z-b', 'worker'),
          node('alpha-w-c', 'z-c', 'worker'),
          ns('shop'),
          deployment('shop', 'web', 3, 'shop-web'),
        ],
      },
      {
        name: 'beta',
        token: 'beta-token',
        version: 'v1.30.2',
        objects: [
          node('beta-cp', 'z-a', 'control-plane'),
          node('beta-w-1', 'z-a', 'worker'),
          node('beta-w-2', 'z-a', 'worker', false),
          ns('shop'),
          deployment('shop', 'web', 1, 'shop-web'),
        ],
      },
    ],
  };
}

import type { Scenario } from '@kubeyard/kube-simulator';

function node(name: string, role: 'control-plane' | 'worker') {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'topology.kubernetes.io/zone': 'z-a',
        ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: role === 'control-plane' ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: {
      capacity: { cpu: '64', memory: '256Gi', pods: '250' },
      allocatable: { cpu: '64', memory: '256Gi', pods: '250' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: 'v1.31.4' },
    },
  };
}

const ns = (name: string, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } });

/**
 * Clusters for tenant tests and the provisioning bench: each has a control-plane node and
 * `workers` large workers (64 CPU, 256Gi), the system namespaces, an ingress controller
 * namespace, and an unowned `legacy` namespace.
 */
export function tenantScenario(clusters: string[] = ['alpha', 'beta'], workers = 4): Scenario {
  return {
    name: 'tenant-test',
    clusters: clusters.map(name => ({
      name,
      token: `${name}-token`,
      version: 'v1.31.4',
      objects: [
        node(`${name}-cp`, 'control-plane'),
        ...Array.from({ length: workers }, (_, i) => node(`${name}-w${i}`, 'worker')),
        ns('default'),
        ns('kube-system'),
        ns('ingress-nginx'),
        ns('legacy'),
      ],
    })),
  };
}

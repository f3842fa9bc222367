/*
 * The `nodes` shorthand: Node objects with the labels, taints, capacity and status a kubeadm
 * cluster on a cloud provider shows, plus the control plane's static pods (etcd-<node>,
 * kube-apiserver-<node>, kube-controller-manager-<node>, kube-scheduler-<node>).
 */
import { hexDigest } from '../controllers/hash';
import {
  healthyNodeConditions,
  unknownNodeCondition,
} from '../controllers/nodeLifecycleController';
import { formatBytes, quantityValue } from '../apiserver/quantity';
import type { KubeObject } from '../types';
import type { NodeSpec } from './scenarioFile';

/** One node after `count` expansion. */
export interface ExpandedNode {
  name: string;
  role: 'control-plane' | 'worker';
  zone?: string;
  region?: string;
  cpu: string;
  memory: string;
  pods: number;
  instanceType: string;
  labels: Record<string, string>;
  ready: boolean;
}

/** Expands `count` and zone round-robin into single nodes. */
export function expandNodeSpecs(specs: NodeSpec[]): ExpandedNode[] {
  const nodes: ExpandedNode[] = [];
  for (const spec of specs) {
    const count = spec.count ?? 1;
    for (let i = 0; i < count; i++) {
      const zone = spec.zones?.length
        ? spec.zones[i % spec.zones.length]
        : spec.zone;
      const role = spec.role ?? 'worker';
      nodes.push({
        name: spec.count === undefined ? spec.name : `${spec.name}-${i + 1}`,
        role,
        zone,
        region: spec.region ?? (zone ? zone.replace(/[a-z]$/, '') : undefined),
        cpu: spec.cpu ?? (role === 'control-plane' ? '4' : '8'),
        memory: spec.memory ?? (role === 'control-plane' ? '16Gi' : '32Gi'),
        pods: spec.pods ?? 110,
        instanceType:
          spec.instanceType ??
          (role === 'control-plane' ? 'm6i.xlarge' : 'm6i.2xlarge'),
        labels: spec.labels ?? {},
        ready: spec.ready !== false,
      });
    }
  }
  return nodes;
}

function allocatable(
  cpu: string,
  memory: string,
): { cpu: string; memory: string } {
  // kubelet reserves (kube-reserved + system-reserved + eviction threshold), roughly as EKS/GKE do.
  const cores = quantityValue(cpu) ?? 4;
  const bytes = quantityValue(memory) ?? 16 * 2 ** 30;
  const cpuMillis = Math.round(cores * 1000 - 70 - cores * 10);
  const memoryBytes =
    bytes - Math.min(bytes * 0.1, 2 * 2 ** 30) - 100 * 2 ** 20;
  return {
    cpu: `${cpuMillis}m`,
    memory: formatBytes(Math.floor(memoryBytes / 1024) * 1024),
  };
}

function conditions(ready: boolean, since: string): unknown[] {
  const healthy = healthyNodeConditions(since);
  return ready ? healthy : healthy.map(c => unknownNodeCondition(c, since));
}

/** The Node object for an expanded node; `index` numbers its pod CIDR. */
export function nodeObject(
  node: ExpandedNode,
  index: number,
  version: string,
  since: string,
): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': node.instanceType,
    ...(node.region ? { 'topology.kubernetes.io/region': node.region } : {}),
    ...(node.zone ? { 'topology.kubernetes.io/zone': node.zone } : {}),
    ...(node.role === 'control-plane'
      ? {
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        }
      : { 'node-role.kubernetes.io/worker': '' }),
    ...node.labels,
  };
  const alloc = allocatable(node.cpu, node.memory);
  const ip = `10.0.${Math.floor(index / 250)}.${10 + (index % 250)}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `aws:///${node.zone ?? 'local'}/i-${hexDigest(
        node.name,
        17,
      )}`,
      ...(node.role === 'control-plane'
        ? {
            taints: [
              {
                key: 'node-role.kubernetes.io/control-plane',
                effect: 'NoSchedule',
              },
            ],
          }
        : {}),
    },
    status: {
      capacity: {
        cpu: node.cpu,
        memory: node.memory,
        pods: String(node.pods),
        'ephemeral-storage': '100Gi',
      },
      allocatable: {
        cpu: alloc.cpu,
        memory: alloc.memory,
        pods: String(node.pods),
        'ephemeral-storage': '95Gi',
      },
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: node.name },
      ],
      conditions: conditions(node.ready, since),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hexDigest(`${node.name}/machine`, 32),
        systemUUID: hexDigest(`${node.name}/uuid`, 32),
        bootID: hexDigest(`${node.name}/boot`, 32),
        kernelVersion: '6.1.115-126.197.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.6.20241121',
        containerRuntimeVersion: 'containerd://1.7.23',
        kubeletVersion: version,
        kubeProxyVersion: version,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

const CONTROL_PLANE_COMPONENTS: Array<{
  name: string;
  image: (v: string) => string;
  cpu: string;
  memory?: string;
}> = [
  {
    name: 'etcd',
    image: () => 'registry.k8s.io/etcd:3.5.16-0',
    cpu: '100m',
    memory: '100Mi',
  },
  {
    name: 'kube-apiserver',
    image: v => `registry.k8s.io/kube-apiserver:${v}`,
    cpu: '250m',
  },
  {
    name: 'kube-controller-manager',
    image: v => `registry.k8s.io/kube-controller-manager:${v}`,
    cpu: '200m',
  },
  {
    name: 'kube-scheduler',
    image: v => `registry.k8s.io/kube-scheduler:${v}`,
    cpu: '100m',
  },
];

/** The static (mirror) pods kubeadm runs on a control-plane node. */
export function controlPlanePods(
  node: ExpandedNode,
  version: string,
): KubeObject[] {
  return CONTROL_PLANE_COMPONENTS.map(component => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component.name}-${node.name}`,
      namespace: 'kube-system',
      labels: { component: component.name, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.source': 'file',
        'kubernetes.io/config.mirror': hexDigest(
          `${component.name}/${node.name}`,
          32,
        ),
        ...(component.name === 'etcd'
          ? {
              'kubeadm.kubernetes.io/etcd.advertise-client-urls':
                'https://10.0.0.10:2379',
            }
          : {}),
      },
    },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [
        {
          name: component.name,
          image: component.image(version),
          resources: {
            requests: {
              cpu: component.cpu,
              ...(component.memory ? { memory: component.memory } : {}),
            },
          },
          livenessProbe: {
            httpGet: {
              path:
                component.name === 'etcd'
                  ? '/health?exclude=NOSPACE&serializable=true'
                  : '/livez',
              port: 10259,
              scheme: 'HTTPS',
            },
          },
        },
      ],
    },
  }));
}

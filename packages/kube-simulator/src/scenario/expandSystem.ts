/*
 * The `system` shorthand: the namespaces every cluster has and kube-system's add-ons
 * (CoreDNS with its kube-dns Service, kube-proxy, metrics-server).
 */
import type { KubeObject } from '../types';

/** The namespaces a new cluster starts with. */
export const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

function deployment(
  name: string,
  labels: Record<string, string>,
  replicas: number,
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'kube-system', labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' },
      },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: 'system-cluster-critical',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            {
              key: 'node-role.kubernetes.io/control-plane',
              effect: 'NoSchedule',
            },
          ],
          containers: [container],
          ...extra,
        },
      },
    },
  };
}

/** Namespace objects for the system namespaces. */
export function systemNamespaces(): KubeObject[] {
  return SYSTEM_NAMESPACES.map(name => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  }));
}

/** kube-system's add-ons. */
export function systemAddons(version: string): KubeObject[] {
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  return [
    deployment(
      'coredns',
      dnsLabels,
      2,
      {
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.3',
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ],
        resources: {
          requests: { cpu: '100m', memory: '70Mi' },
          limits: { memory: '170Mi' },
        },
        livenessProbe: { httpGet: { path: '/health', port: 8080 } },
        readinessProbe: { httpGet: { path: '/ready', port: 8181 } },
      },
      {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  labelSelector: { matchLabels: dnsLabels },
                  topologyKey: 'kubernetes.io/hostname',
                },
              },
            ],
          },
        },
      },
    ),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { ...dnsLabels, 'kubernetes.io/name': 'CoreDNS' },
      },
      spec: {
        selector: dnsLabels,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'kube-proxy',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-proxy' },
      },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-proxy' } },
          spec: {
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'kube-proxy',
                image: `registry.k8s.io/kube-proxy:${version}`,
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
              },
            ],
          },
        },
      },
    },
    deployment('metrics-server', { 'k8s-app': 'metrics-server' }, 1, {
      name: 'metrics-server',
      image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
      ports: [{ name: 'https', containerPort: 10250, protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '200Mi' } },
      readinessProbe: {
        httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' },
      },
    }),
  ];
}

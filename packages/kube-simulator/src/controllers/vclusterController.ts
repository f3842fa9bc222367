/*
 * vcluster: a StatefulSet labelled `app: vcluster` (or annotated `kubeyard.io/vcluster: "true"`)
 * that becomes ready gets a virtual cluster served by this process, named
 * `<host cluster>-<namespace>-<name>`, and — like vcluster itself — a Secret `vc-<name>` in its
 * namespace whose `config` key holds a kubeconfig for it.
 */
import { stringify } from 'yaml';
import type { KubeObject, ScenarioCluster } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { hexDigest } from './hash';
import { isTerminating, keyOf, splitKey } from './objects';

const MANAGER = 'vcluster-controller';
const DEFAULT_VERSION = 'v1.31.4';

/** Whether a StatefulSet runs a vcluster. */
export function isVCluster(sts: KubeObject): boolean {
  return (
    sts.metadata.labels?.app === 'vcluster' ||
    sts.metadata.annotations?.['kubeyard.io/vcluster'] === 'true'
  );
}

/** The Kubernetes version a vcluster serves: from a k3s/k8s image tag, an annotation, or a default. */
export function vclusterVersion(sts: KubeObject): string {
  const annotated = sts.metadata.annotations?.['kubeyard.io/vcluster-version'];
  if (annotated) return annotated.startsWith('v') ? annotated : `v${annotated}`;
  const containers = ((
    sts.spec as {
      template?: {
        spec?: {
          containers?: Array<{ image?: string }>;
          initContainers?: Array<{ image?: string }>;
        };
      };
    }
  ).template?.spec ?? {}) as {
    containers?: Array<{ image?: string }>;
    initContainers?: Array<{ image?: string }>;
  };
  for (const c of [
    ...(containers.initContainers ?? []),
    ...(containers.containers ?? []),
  ]) {
    const match =
      /(?:k3s|k8s|kube-apiserver|kubernetes)[^:]*:v?(\d+\.\d+\.\d+)/.exec(
        c.image ?? '',
      );
    if (match) return `v${match[1]}`;
  }
  return DEFAULT_VERSION;
}

/** The name of the virtual cluster of StatefulSet `name` in `namespace` on cluster `host`. */
export function vclusterName(
  host: string,
  namespace: string,
  name: string,
): string {
  return `${host}-${namespace}-${name}`;
}

/** A kubeconfig for a cluster URL and bearer token, as vcluster writes into its Secret. */
export function kubeconfigFor(
  name: string,
  url: string,
  token: string,
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name, cluster: { server: url, 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    preferences: {},
  });
}

function virtualClusterObjects(nodeName: string): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: nodeName,
        labels: {
          'kubernetes.io/hostname': nodeName,
          'vcluster.loft.sh/fake-node': 'true',
        },
      },
      spec: {},
      status: {
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'coredns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
      },
      spec: {
        replicas: 1,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            containers: [
              {
                name: 'coredns',
                image: 'coredns/coredns:1.11.3',
                resources: {
                  requests: { cpu: '20m', memory: '64Mi' },
                  limits: { cpu: '1', memory: '170Mi' },
                },
              },
            ],
          },
        },
      },
    },
  ];
}

/** The vcluster controller. */
export class VClusterController extends BaseController {
  readonly name = MANAGER;
  private readonly registered = new Map<
    string,
    { url: string; token: string }
  >();

  protected watch(): void {
    this.subscribe(GVRS.pods, () => undefined); // cached: the node the vcluster pod runs on
    this.subscribe(GVRS.statefulsets, (type, sts) => {
      if (type !== 'DELETED' && isVCluster(sts)) this.queue.add(keyOf(sts));
    });
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const sts = this.client.informer(GVRS.statefulsets).get(namespace, name);
    if (!sts || isTerminating(sts) || !isVCluster(sts)) return;
    const replicas = (sts.spec as { replicas?: number }).replicas ?? 1;
    const ready =
      (sts.status as { readyReplicas?: number } | undefined)?.readyReplicas ??
      0;
    if (replicas < 1 || ready < replicas) return;

    const clusterName = vclusterName(
      this.client.store.clusterName,
      namespace!,
      name,
    );
    let endpoint = this.registered.get(clusterName);
    if (!endpoint) {
      const hostPod = this.client
        .informer(GVRS.pods)
        .get(namespace, `${name}-0`);
      const nodeName =
        (hostPod?.spec as { nodeName?: string } | undefined)?.nodeName ??
        `${name}-node`;
      const spec: ScenarioCluster = {
        name: clusterName,
        token: `vc-${hexDigest(`vcluster/${clusterName}`, 40)}`,
        version: vclusterVersion(sts),
        labels: {
          'kubeyard.io/vcluster': 'true',
          'kubeyard.io/host-cluster': this.client.store.clusterName,
          'kubeyard.io/host-namespace': namespace!,
        },
        behaviour: { ...this.ctx.behaviour, notReadyNodes: [] },
        objects: virtualClusterObjects(nodeName),
      };
      endpoint = this.ctx.addCluster(spec);
      this.registered.set(clusterName, endpoint);
      this.events.record(
        sts,
        'Normal',
        'VirtualClusterReady',
        `virtual cluster ${clusterName} is serving at ${endpoint.url}`,
      );
    }
    this.writeSecret(sts, endpoint.url, endpoint.token);
  }

  private writeSecret(sts: KubeObject, url: string, token: string): void {
    const namespace = sts.metadata.namespace!;
    const secretName = `vc-${sts.metadata.name}`;
    const data = {
      config: Buffer.from(
        kubeconfigFor(sts.metadata.name!, url, token),
      ).toString('base64'),
    };
    const existing = this.client.fetch(GVRS.secrets, namespace, secretName);
    if (
      existing &&
      (existing.data as Record<string, string> | undefined)?.config ===
        data.config
    )
      return;
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: secretName,
        namespace,
        labels: {
          app: 'vcluster',
          release: sts.metadata.name!,
          'vcluster.loft.sh/kubeconfig': 'true',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            name: sts.metadata.name!,
            uid: sts.metadata.uid!,
            controller: false,
          },
        ],
      },
      type: 'Opaque',
      data,
    };
    if (existing)
      this.client.update(GVRS.secrets, { ...existing, data }, MANAGER);
    else this.client.create(GVRS.secrets, secret, MANAGER);
  }
}

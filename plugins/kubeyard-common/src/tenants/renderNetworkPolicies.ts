/*
 * The tenant's NetworkPolicies: deny everything, then allow same-namespace traffic, the
 * ingress controller, DNS, listed namespaces and (optionally) HTTPS to the internet.
 *
 * Unlike the seed material (SEED-DIGEST §1 defects): the DNS rule is ONE peer with both
 * selectors (AND), not two peers (OR: every kube-dns-labelled pod anywhere plus all of
 * kube-system); namespaces are selected by `kubernetes.io/metadata.name`, which the API server
 * sets and tenants cannot forge, not a custom `name` label; internet egress is an ipBlock,
 * because `namespaceSelector: {}` only ever matches pods inside the cluster.
 */
import { InputError } from '@backstage/errors';
import { parseCidr } from './cidr';
import type { ResolvedClusterFacts } from './clusterFacts';
import { NAMESPACE_NAME_LABEL } from './conventions';
import { KubeManifest, sortedRecord } from './manifests';
import type { TenantSpec } from './tenantSpec';

function networkPolicy(name: string, namespace: string, labels: Record<string, string>, spec: Record<string, unknown>): KubeManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { ...labels } },
    spec,
  };
}

function namespaceSelector(namespace: string) {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

/** The ipBlock peers of internet egress: one per address family that has exclusions, IPv4 always. */
function internetPeers(cidrs: string[]): Array<{ ipBlock: { cidr: string; except?: string[] } }> {
  const v4: string[] = [];
  const v6: string[] = [];
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (!cidr || !cidr.canonical || cidr.prefix === 0) {
      throw new InputError(`cluster CIDR "${text}" is not a network address such as 10.244.0.0/16`);
    }
    const family = cidr.version === 4 ? v4 : v6;
    if (!family.includes(text)) family.push(text);
  }
  const peer = (cidr: string, except: string[]) => ({ ipBlock: except.length ? { cidr, except } : { cidr } });
  // IPv6 egress is only opened when the cluster's IPv6 ranges are known: `::/0` without them
  // would also reach every IPv6 pod address of a dual-stack cluster.
  return v6.length ? [peer('0.0.0.0/0', v4), peer('::/0', v6)] : [peer('0.0.0.0/0', v4)];
}

/** NetworkPolicies of a tenant namespace, in the order they are applied. */
export function renderNetworkPolicies(
  spec: TenantSpec,
  namespace: string,
  labels: Record<string, string>,
  facts: ResolvedClusterFacts,
): KubeManifest[] {
  const network = spec.network;
  const policies: KubeManifest[] = [
    networkPolicy('default-deny', namespace, labels, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    networkPolicy('allow-same-namespace', namespace, labels, {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
    networkPolicy('allow-ingress-controller', namespace, labels, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: namespaceSelector(network.ingressControllerNamespace) }] }],
    }),
    networkPolicy('allow-dns', namespace, labels, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          // ONE peer holding both selectors: kube-dns pods in the DNS namespace, nothing else.
          to: [
            {
              namespaceSelector: namespaceSelector(facts.dnsNamespace),
              podSelector: { matchLabels: sortedRecord(facts.dnsPodLabels) },
            },
          ],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    }),
  ];
  for (const allowed of network.allowedNamespaces) {
    policies.push(
      networkPolicy(`allow-egress-${allowed.namespace}`, namespace, labels, {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: namespaceSelector(allowed.namespace) }],
            ports: allowed.ports.map(p => ({ port: p.port, protocol: p.protocol })),
          },
        ],
      }),
    );
  }
  if (network.internetEgress) {
    policies.push(
      networkPolicy('allow-internet-egress', namespace, labels, {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: internetPeers([...(network.clusterCidrs ?? []), ...facts.clusterCidrs]),
            ports: [{ port: 443, protocol: 'TCP' }],
          },
        ],
      }),
    );
  }
  return policies;
}

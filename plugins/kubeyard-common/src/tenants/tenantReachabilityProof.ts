/*
 * A static proof that a rendered tenant is isolated the way its spec says: each check is one
 * connection with the verdict the spec implies, evaluated against the rendered NetworkPolicies.
 * It includes the seed's DNS defect as a check: a non-DNS pod in kube-system must stay
 * unreachable on port 53.
 */
import { parseCidr, rangeContains, parseIp } from './cidr';
import { resolveClusterFacts, TenantClusterFacts } from './clusterFacts';
import type { KubeManifest } from './manifests';
import { evaluateReachability, ReachabilityNamespace, ReachabilityQuery } from './networkReachability';
import { tenantNamespace, TenantSpec } from './tenantSpec';

/** One check of the proof. */
export interface ReachabilityCheck {
  name: string;
  expected: 'allowed' | 'denied';
  actual: 'allowed' | 'denied';
  pass: boolean;
  reason: string;
}

/** A namespace that stands for "some other tenant"; `kubeyard-` names are reserved, so no tenant has it. */
export const PROOF_OTHER_NAMESPACE = 'kubeyard-proof-other-tenant';

const TENANT_POD = { app: 'kubeyard-proof' };
const OTHER_POD = { app: 'kubeyard-proof-other' };
const INTERNET_CANDIDATES = ['203.0.113.10', '198.51.100.10', '192.0.2.10', '8.8.8.8'];

function firstUnlistedPort(ports: Array<{ port: number; protocol: string }>, protocol: string): number {
  const listed = new Set(ports.filter(p => p.protocol === protocol).map(p => p.port));
  let port = 1;
  while (listed.has(port)) port += 1;
  return port;
}

/** Checks the rendered NetworkPolicies of a tenant against what its spec promises. */
export function tenantReachabilityProof(
  spec: TenantSpec,
  rendered: KubeManifest[],
  clusterFacts?: TenantClusterFacts,
): ReachabilityCheck[] {
  const facts = resolveClusterFacts(clusterFacts);
  const namespace = tenantNamespace(spec);
  const network = spec.network;
  const excluded = [...(network.clusterCidrs ?? []), ...facts.clusterCidrs];

  const namespaces: ReachabilityNamespace[] = rendered
    .filter(m => m.kind === 'Namespace')
    .map(m => ({ name: m.metadata.name, labels: m.metadata.labels }));
  namespaces.push({ name: PROOF_OTHER_NAMESPACE, labels: { 'kubeyard.io/tenant': 'other' } });

  const checks: ReachabilityCheck[] = [];
  const check = (name: string, expected: 'allowed' | 'denied', query: Omit<ReachabilityQuery, 'from'> & { from?: ReachabilityQuery['from'] }) => {
    const result = evaluateReachability(rendered, namespaces, {
      ...query,
      from: query.from ?? { namespace, podLabels: TENANT_POD },
    });
    const actual = result.allowed ? 'allowed' : 'denied';
    checks.push({ name, expected, actual, pass: actual === expected, reason: result.reason });
  };
  const tenantPod = { namespace, podLabels: TENANT_POD };
  const allowedTo = (ns: string, port: number, protocol: 'TCP' | 'UDP') =>
    ns === namespace ||
    network.allowedNamespaces.some(a => a.namespace === ns && a.ports.some(p => p.port === port && p.protocol === protocol));

  check('same namespace: pod to pod on TCP/8080', 'allowed', { to: tenantPod, port: 8080, protocol: 'TCP' });
  check("from another tenant's namespace on TCP/8080", 'denied', {
    from: { namespace: PROOF_OTHER_NAMESPACE, podLabels: OTHER_POD },
    to: tenantPod,
    port: 8080,
    protocol: 'TCP',
  });
  check("to another tenant's namespace on TCP/8080", 'denied', {
    to: { namespace: PROOF_OTHER_NAMESPACE, podLabels: OTHER_POD },
    port: 8080,
    protocol: 'TCP',
  });
  check(`from the ingress controller namespace ${network.ingressControllerNamespace} on TCP/8080`, 'allowed', {
    from: { namespace: network.ingressControllerNamespace, podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    to: tenantPod,
    port: 8080,
    protocol: 'TCP',
  });

  const dnsPod = { namespace: facts.dnsNamespace, podLabels: facts.dnsPodLabels };
  check(`DNS to cluster DNS in ${facts.dnsNamespace} on UDP/53`, 'allowed', { to: dnsPod, port: 53, protocol: 'UDP' });
  check(`DNS to cluster DNS in ${facts.dnsNamespace} on TCP/53`, 'allowed', { to: dnsPod, port: 53, protocol: 'TCP' });
  check(
    `port 53 to a non-DNS pod in ${facts.dnsNamespace}`,
    allowedTo(facts.dnsNamespace, 53, 'UDP') ? 'allowed' : 'denied',
    { to: { namespace: facts.dnsNamespace, podLabels: { 'k8s-app': 'metrics-server' } }, port: 53, protocol: 'UDP' },
  );
  check(`port 53 to a DNS-labelled pod outside ${facts.dnsNamespace}`, 'denied', {
    to: { namespace: PROOF_OTHER_NAMESPACE, podLabels: facts.dnsPodLabels },
    port: 53,
    protocol: 'UDP',
  });

  const excludedRanges = excluded.map(parseCidr).filter(c => c !== undefined);
  const internet =
    INTERNET_CANDIDATES.find(ip => !excludedRanges.some(range => rangeContains(range!, parseIp(ip)!))) ?? INTERNET_CANDIDATES[0];
  check(`internet (${internet}) on TCP/443`, network.internetEgress ? 'allowed' : 'denied', {
    to: { ipBlock: internet },
    port: 443,
    protocol: 'TCP',
  });
  check(`internet (${internet}) on TCP/80`, 'denied', { to: { ipBlock: internet }, port: 80, protocol: 'TCP' });
  for (const cidr of [...new Set(excluded)]) {
    check(`cluster range ${cidr} on TCP/443 through the internet rule`, 'denied', { to: { ipBlock: cidr }, port: 443, protocol: 'TCP' });
  }

  for (const allowed of network.allowedNamespaces) {
    const target = { namespace: allowed.namespace, podLabels: OTHER_POD };
    for (const p of allowed.ports) {
      check(`to ${allowed.namespace} on ${p.protocol}/${p.port}`, 'allowed', { to: target, port: p.port, protocol: p.protocol });
    }
    const protocol = allowed.ports[0].protocol;
    const other = firstUnlistedPort(allowed.ports, protocol);
    check(`to ${allowed.namespace} on an unlisted port ${protocol}/${other}`, allowedTo(allowed.namespace, other, protocol) ? 'allowed' : 'denied', {
      to: target,
      port: other,
      protocol,
    });
  }
  return checks;
}

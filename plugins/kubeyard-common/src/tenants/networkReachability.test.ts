import { evaluateReachability, NetworkPolicyObject, ReachabilityNamespace, ReachabilityQuery } from './networkReachability';

function np(namespace: string, name: string, spec: Record<string, unknown>): NetworkPolicyObject {
  return { kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const namespaces: ReachabilityNamespace[] = [
  { name: 'team-a', labels: { 'kubeyard.io/tenant': 'a' } },
  { name: 'team-b', labels: { 'kubeyard.io/tenant': 'b' } },
  { name: 'kube-system' },
  { name: 'monitoring', labels: { team: 'ops' } },
];

const web = { app: 'web' };
const podIn = (namespace: string, podLabels: Record<string, string> = web) => ({ namespace, podLabels });
const tcp = (from: ReachabilityQuery['from'], to: ReachabilityQuery['to'], port = 80): ReachabilityQuery => ({
  from,
  to,
  port,
  protocol: 'TCP',
});
const udp = (from: ReachabilityQuery['from'], to: ReachabilityQuery['to'], port = 53): ReachabilityQuery => ({
  from,
  to,
  port,
  protocol: 'UDP',
});

const denyAll = (ns: string) => np(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const denyIngress = (ns: string) => np(ns, 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const denyEgress = (ns: string) => np(ns, 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
const egress = (ns: string, name: string, rules: unknown[]) => np(ns, name, { podSelector: {}, policyTypes: ['Egress'], egress: rules });
const ingress = (ns: string, name: string, rules: unknown[], podSelector: unknown = {}) =>
  np(ns, name, { podSelector, policyTypes: ['Ingress'], ingress: rules });

const dnsAnd = egress('team-a', 'dns-and', [
  { to: [{ namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] },
]);
// The source material's rule: two peers, ORed.
const dnsOr = egress('team-a', 'dns-or', [
  { to: [{ namespaceSelector: byName('kube-system') }, { podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] },
]);
const internet = egress('team-a', 'internet', [
  { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443, protocol: 'TCP' }] },
]);
const kubeDns = { 'k8s-app': 'kube-dns' };

describe('evaluateReachability', () => {
  it.each<[string, NetworkPolicyObject[], ReachabilityQuery, boolean, string[]]>([
    ['no policies: nothing is isolated', [], tcp(podIn('team-a'), podIn('team-b')), true, []],
    ['default deny of the destination blocks ingress', [denyIngress('team-b')], tcp(podIn('team-a'), podIn('team-b')), false, ['team-b/deny-ingress']],
    ['ingress-only deny leaves egress open', [denyIngress('team-a')], tcp(podIn('team-a'), podIn('team-b')), true, []],
    ['egress deny of the source blocks', [denyEgress('team-a')], tcp(podIn('team-a'), podIn('team-b')), false, ['team-a/deny-egress']],
    [
      'policyTypes defaults to Ingress plus Egress when egress rules exist',
      [np('team-a', 'implicit', { podSelector: {}, egress: [{ to: [{ podSelector: {} }] }] })],
      tcp(podIn('team-a'), podIn('team-b')),
      false,
      ['team-a/implicit'],
    ],
    [
      'policyTypes defaults to Ingress only without egress rules',
      [np('team-a', 'implicit', { podSelector: {}, ingress: [] })],
      tcp(podIn('team-a'), podIn('team-b')),
      true,
      [],
    ],
    [
      'a policy selecting other pods does not isolate this one',
      [np('team-b', 'db-only', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] })],
      tcp(podIn('team-a'), podIn('team-b')),
      true,
      [],
    ],
    [
      'allow rules add up across policies',
      [denyAll('team-b'), ingress('team-b', 'from-a', [{ from: [{ namespaceSelector: byName('team-a') }] }])],
      tcp(podIn('team-a'), podIn('team-b')),
      true,
      ['team-b/from-a'],
    ],
    [
      'ingress AND egress are both needed: egress allowed, ingress denied',
      [egress('team-a', 'to-b', [{ to: [{ namespaceSelector: byName('team-b') }] }]), denyIngress('team-b')],
      tcp(podIn('team-a'), podIn('team-b')),
      false,
      ['team-b/deny-ingress'],
    ],
    [
      'podSelector alone means the policy namespace: same namespace allowed',
      [ingress('team-b', 'web', [{ from: [{ podSelector: { matchLabels: web } }] }])],
      tcp(podIn('team-b'), podIn('team-b')),
      true,
      ['team-b/web'],
    ],
    [
      'podSelector alone means the policy namespace: other namespace denied',
      [ingress('team-b', 'web', [{ from: [{ podSelector: { matchLabels: web } }] }])],
      tcp(podIn('team-a'), podIn('team-b')),
      false,
      ['team-b/web'],
    ],
    [
      'namespaceSelector alone admits every pod of matching namespaces',
      [ingress('team-b', 'ops', [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }])],
      tcp(podIn('monitoring', { app: 'anything' }), podIn('team-b')),
      true,
      ['team-b/ops'],
    ],
    [
      'namespaceSelector {} admits every namespace',
      [ingress('team-b', 'all-ns', [{ from: [{ namespaceSelector: {} }] }])],
      tcp(podIn('team-a'), podIn('team-b')),
      true,
      ['team-b/all-ns'],
    ],
    [
      'an empty from admits everything',
      [ingress('team-b', 'open', [{}])],
      tcp(podIn('monitoring'), podIn('team-b')),
      true,
      ['team-b/open'],
    ],
    ['AND peer: kube-dns in kube-system allowed', [dnsAnd], udp(podIn('team-a'), podIn('kube-system', kubeDns)), true, ['team-a/dns-and']],
    ['AND peer: another kube-system pod denied', [dnsAnd], udp(podIn('team-a'), podIn('kube-system', { 'k8s-app': 'metrics-server' })), false, ['team-a/dns-and']],
    ['AND peer: a kube-dns-labelled pod elsewhere denied', [dnsAnd], udp(podIn('team-a'), podIn('team-a', kubeDns)), false, ['team-a/dns-and']],
    ['OR peers: kube-dns in kube-system allowed', [dnsOr], udp(podIn('team-a'), podIn('kube-system', kubeDns)), true, ['team-a/dns-or']],
    ['OR peers: any kube-system pod allowed (the defect)', [dnsOr], udp(podIn('team-a'), podIn('kube-system', { 'k8s-app': 'metrics-server' })), true, ['team-a/dns-or']],
    ['OR peers: a kube-dns-labelled pod in the own namespace allowed (the defect)', [dnsOr], udp(podIn('team-a'), podIn('team-a', kubeDns)), true, ['team-a/dns-or']],
    ['OR peers: a kube-dns-labelled pod in another namespace denied', [dnsOr], udp(podIn('team-a'), podIn('team-b', kubeDns)), false, ['team-a/dns-or']],
    ['ipBlock admits an external address', [internet], tcp(podIn('team-a'), { ipBlock: '8.8.8.8' }, 443), true, ['team-a/internet']],
    ['ipBlock except excludes an address', [internet], tcp(podIn('team-a'), { ipBlock: '10.1.2.3' }, 443), false, ['team-a/internet']],
    ['ipBlock except excludes a partly covered range', [internet], tcp(podIn('team-a'), { ipBlock: '8.0.0.0/4' }, 443), false, ['team-a/internet']],
    ['ipBlock admits a range outside the except', [internet], tcp(podIn('team-a'), { ipBlock: '8.8.8.0/24' }, 443), true, ['team-a/internet']],
    ['ipBlock does not admit another port', [internet], tcp(podIn('team-a'), { ipBlock: '8.8.8.8' }, 80), false, ['team-a/internet']],
    ['ipBlock does not match IPv6', [internet], tcp(podIn('team-a'), { ipBlock: '2001:db8::1' }, 443), false, ['team-a/internet']],
    ['ipBlock does not match pods', [internet], tcp(podIn('team-a'), podIn('team-b'), 443), false, ['team-a/internet']],
    ['namespaceSelector {} does not match the internet', [egress('team-a', 'all-ns', [{ to: [{ namespaceSelector: {} }], ports: [{ port: 443 }] }])], tcp(podIn('team-a'), { ipBlock: '8.8.8.8' }, 443), false, ['team-a/all-ns']],
    ['an empty to matches the internet', [egress('team-a', 'any', [{ ports: [{ port: 443 }] }])], tcp(podIn('team-a'), { ipBlock: '8.8.8.8' }, 443), true, ['team-a/any']],
    ['ports default to TCP: TCP matches', [egress('team-a', 'p53', [{ ports: [{ port: 53 }] }])], tcp(podIn('team-a'), podIn('team-b'), 53), true, ['team-a/p53']],
    ['ports default to TCP: UDP does not', [egress('team-a', 'p53', [{ ports: [{ port: 53 }] }])], udp(podIn('team-a'), podIn('team-b'), 53), false, ['team-a/p53']],
    ['a protocol without port admits every port of it', [egress('team-a', 'all-udp', [{ ports: [{ protocol: 'UDP' }] }])], udp(podIn('team-a'), podIn('team-b'), 5000), true, ['team-a/all-udp']],
    ['endPort: inside the range', [egress('team-a', 'range', [{ ports: [{ port: 8000, endPort: 8100 }] }])], tcp(podIn('team-a'), podIn('team-b'), 8100), true, ['team-a/range']],
    ['endPort: outside the range', [egress('team-a', 'range', [{ ports: [{ port: 8000, endPort: 8100 }] }])], tcp(podIn('team-a'), podIn('team-b'), 8101), false, ['team-a/range']],
    [
      'matchExpressions select pods',
      [ingress('team-b', 'not-legacy', [{}], { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['legacy'] }] }), denyIngress('team-b')],
      tcp(podIn('team-a'), podIn('team-b', { tier: 'legacy' })),
      false,
      ['team-b/deny-ingress'],
    ],
    [
      'kubernetes.io/metadata.name is implied for unlisted namespaces',
      [ingress('team-b', 'from-x', [{ from: [{ namespaceSelector: byName('unlisted') }] }])],
      tcp(podIn('unlisted'), podIn('team-b')),
      true,
      ['team-b/from-x'],
    ],
    [
      'objects of other kinds are ignored',
      [{ kind: 'ConfigMap', metadata: { name: 'x', namespace: 'team-b' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
      tcp(podIn('team-a'), podIn('team-b')),
      true,
      [],
    ],
  ])('%s', (_, policies, query, allowed, deciding) => {
    const result = evaluateReachability(policies, namespaces, query);
    expect(result.allowed).toBe(allowed);
    expect(result.policies).toEqual(deciding);
  });

  it('explains a denial with the isolating policies and the traffic', () => {
    const result = evaluateReachability([dnsAnd], namespaces, udp(podIn('team-a'), podIn('kube-system', { 'k8s-app': 'metrics-server' })));
    expect(result.reason).toBe(
      'denied: egress of pod {app=web} in team-a is isolated by team-a/dns-and and no rule allows UDP/53 from pod {app=web} in team-a to pod {k8s-app=metrics-server} in kube-system; ingress of pod {k8s-app=metrics-server} in kube-system is not isolated (no NetworkPolicy selects it for Ingress)',
    );
  });

  it('explains an allowed connection to the internet', () => {
    const result = evaluateReachability([internet], namespaces, tcp(podIn('team-a'), { ipBlock: '8.8.8.8' }, 443));
    expect(result.reason).toBe('allowed: egress allowed by team-a/internet; the destination is outside the cluster, so only egress applies');
  });

  it('says when a named port could not be resolved', () => {
    const named = egress('team-a', 'named', [{ ports: [{ port: 'http' }] }]);
    const result = evaluateReachability([named], namespaces, tcp(podIn('team-a'), podIn('team-b')));
    expect(result.allowed).toBe(false);
    expect(result.reason).toContain('named port "http" cannot be resolved statically');
  });

  it('refuses a destination that is no address', () => {
    expect(evaluateReachability([], namespaces, tcp(podIn('team-a'), { ipBlock: 'example.com' }))).toEqual({
      allowed: false,
      reason: '"example.com" is not an IP address or CIDR block',
      policies: [],
    });
  });
});

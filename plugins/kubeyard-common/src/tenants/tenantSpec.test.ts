import { parseTenantSpec, tenantNamespace, tenantSpecSchema } from './tenantSpec';
import { minimalInput, productionInput, specOf, vclusterInput } from './testing/specs';

function errorsOf(input: unknown) {
  const result = parseTenantSpec(input);
  if (result.success) throw new Error('expected the spec to be rejected');
  return result.errors;
}

const long = (n: number) => 'a'.repeat(n);

describe('parseTenantSpec rejects', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing name', { name: undefined }, 'name', /is required/],
    ['an upper-case name', { name: 'Payments' }, 'name', /not an RFC 1123 DNS label.*lower-case/],
    ['a name of 64 characters', { name: long(64) }, 'name', /64 characters; at most 63/],
    ['the default namespace', { name: 'default' }, 'name', /reserved/],
    ['a kube- name', { name: 'kube-payments' }, 'name', /reserved.*"kube-"/],
    ['a kubeyard- name', { name: 'kubeyard-x' }, 'name', /reserved.*"kubeyard-"/],
    ['an openshift- namespace', { namespace: 'openshift-x' }, 'namespace', /reserved.*"openshift-"/],
    ['a namespace with dots', { namespace: 'a.b' }, 'namespace', /RFC 1123/],
    ['an empty display name', { displayName: '  ' }, 'displayName', /must not be empty/],
    ['a user as owner', { owner: 'user:default/alice' }, 'owner', /is a user; only group references/],
    ['a short owner ref', { owner: 'team-payments' }, 'owner', /kind:namespace\/name \(e\.g\. group:default\/team-payments\)/],
    [
      'an owner too long for a label',
      { owner: `group:default/${long(60)}` },
      'owner',
      /kubeyard.io\/owner label .* 74 characters; label values allow at most 63/,
    ],
    ['no clusters', { clusters: [] }, 'clusters', /at least one cluster/],
    ['a duplicate cluster', { clusters: ['a', 'b', 'a'] }, 'clusters.2', /"a" repeats entry 0; each cluster may appear once/],
    ['a cluster with spaces', { clusters: ['prod eu'] }, 'clusters.0', /cluster name/],
    ['an unknown environment', { environment: 'prod' }, 'environment', /"prod" is not allowed; expected one of: development, staging, production/],
    ['a cost center with a space', { costCenter: 'cc 1001' }, 'costCenter', /cannot be a label value/],
    ['a contact that is no email', { contact: 'payments' }, 'contact', /not an email address/],
    ['an unknown tier', { tier: { preset: 'xl' } }, 'tier.preset', /expected one of: xs, s, m, l/],
    [
      'limits.cpu above the ceiling',
      { tier: { preset: 'l', quotaOverrides: { 'limits.cpu': '500' } } },
      'tier.quotaOverrides.limits.cpu',
      /"500" is above the ceiling for limits.cpu: at most 400 \(twice the l preset\)/,
    ],
    [
      'requests.memory above the ceiling',
      { tier: { preset: 's', quotaOverrides: { 'requests.memory': '401Gi' } } },
      'tier.quotaOverrides.requests.memory',
      /at most 400Gi/,
    ],
    [
      'requests.storage above the ceiling',
      { tier: { preset: 's', quotaOverrides: { 'requests.storage': '3Ti' } } },
      'tier.quotaOverrides.requests.storage',
      /at most 2Ti/,
    ],
    ['pods above the ceiling', { tier: { preset: 'm', quotaOverrides: { pods: 1001 } } }, 'tier.quotaOverrides.pods', /at most 1000/],
    [
      'a malformed quantity',
      { tier: { preset: 'm', quotaOverrides: { 'requests.cpu': '2 cores' } } },
      'tier.quotaOverrides.requests.cpu',
      /"2 cores" is not a Kubernetes quantity \(e\.g\. "2", "500m"\)/,
    ],
    ['a fractional count', { tier: { preset: 'm', quotaOverrides: { secrets: 2.5 } } }, 'tier.quotaOverrides.secrets', /whole number/],
    ['a negative count', { tier: { preset: 'm', quotaOverrides: { services: -1 } } }, 'tier.quotaOverrides.services', /negative/],
    [
      'CPU below one container',
      { tier: { preset: 'xs', quotaOverrides: { 'requests.cpu': '50m' } } },
      'tier.quotaOverrides.requests.cpu',
      /at least 100m, the LimitRange minimum of a single container/,
    ],
    [
      'requests above limits',
      { tier: { preset: 'xs', quotaOverrides: { 'requests.cpu': '20' } } },
      'tier.quotaOverrides.requests.cpu',
      /requests.cpu 20 is above limits.cpu 10; .* at most 10/,
    ],
    [
      'an override of replicationcontrollers',
      { tier: { preset: 'm', quotaOverrides: { replicationcontrollers: 5 } } },
      'tier.quotaOverrides',
      /unknown field "replicationcontrollers"/,
    ],
    ['a quantity of the wrong type', { tier: { preset: 'm', quotaOverrides: { pods: true } } }, 'tier.quotaOverrides.pods', /expected a Kubernetes quantity or a number/],
    ['an unknown isolation', { isolation: 'cluster' }, 'isolation', /expected one of: namespace, vcluster/],
    [
      'an allowed namespace without ports',
      { network: { allowedNamespaces: [{ namespace: 'db', ports: [] }] } },
      'network.allowedNamespaces.0.ports',
      /at least one port/,
    ],
    [
      'port 0',
      { network: { allowedNamespaces: [{ namespace: 'db', ports: [{ port: 0 }] }] } },
      'network.allowedNamespaces.0.ports.0.port',
      /between 1 and 65535/,
    ],
    [
      'an SCTP port',
      { network: { allowedNamespaces: [{ namespace: 'db', ports: [{ port: 5432, protocol: 'SCTP' }] }] } },
      'network.allowedNamespaces.0.ports.0.protocol',
      /expected one of: TCP, UDP/,
    ],
    [
      'a repeated port',
      { network: { allowedNamespaces: [{ namespace: 'db', ports: [{ port: 5432 }, { port: 5432, protocol: 'TCP' }] }] } },
      'network.allowedNamespaces.0.ports.1',
      /TCP\/5432 repeats entry 0/,
    ],
    [
      'a repeated allowed namespace',
      { network: { allowedNamespaces: [{ namespace: 'db', ports: [{ port: 1 }] }, { namespace: 'db', ports: [{ port: 2 }] }] } },
      'network.allowedNamespaces.1',
      /"db" repeats entry 0/,
    ],
    ['a CIDR with host bits', { network: { clusterCidrs: ['10.244.1.0/8'] } }, 'network.clusterCidrs.0', /bits set past the \/8 prefix/],
    ['a malformed CIDR', { network: { clusterCidrs: ['10.244.0.0'] } }, 'network.clusterCidrs.0', /not a CIDR block/],
    ['the whole address space as cluster CIDR', { network: { clusterCidrs: ['0.0.0.0/0'] } }, 'network.clusterCidrs.0', /whole address space/],
    ['internetEgress as a string', { network: { internetEgress: 'yes' } }, 'network.internetEgress', /expected boolean, got string "yes"/],
    [
      'privileged outside development',
      { environment: 'production', podSecurity: 'privileged' },
      'podSecurity',
      /"privileged" is only allowed for environment development \(this tenant is production\)/,
    ],
    [
      'a registry without a trailing slash',
      { allowedRegistries: ['registry.example.com'] },
      'allowedRegistries.0',
      /must end with "\/".*also admits "registry.example.com.evil.io\/app"/,
    ],
    [
      'a registry path without a trailing slash',
      { allowedRegistries: ['registry.example.com/team-a'] },
      'allowedRegistries.0',
      /also admits "registry.example.com\/team-a-evil\/app"/,
    ],
    ['a registry with a scheme', { allowedRegistries: ['https://registry.example.com/'] }, 'allowedRegistries.0', /has a scheme/],
    ['a registry with upper case', { allowedRegistries: ['Registry.example.com/'] }, 'allowedRegistries.0', /not a registry prefix/],
    ['a component as admin', { admins: ['component:default/api'] }, 'admins.0', /only user or group references/],
    ['a repeated developer', { developers: ['user:default/bob', 'user:default/bob'] }, 'developers.1', /repeats entry 0; each developer/],
    ['a viewer without namespace', { viewers: ['group:auditors'] }, 'viewers.0', /kind:namespace\/name/],
    ['a zero budget', { monthlyBudget: { amount: 0 } }, 'monthlyBudget.amount', /more than 0/],
    ['an unknown currency', { monthlyBudget: { amount: 10, currency: 'USS' } }, 'monthlyBudget.currency', /not an ISO 4217 currency code/],
    ['backup tier 5', { backupTier: 5 }, 'backupTier', /must be 1, 2, 3 or 4 \(1: RPO 0, RTO < 1 h/],
    ['vcluster settings without vcluster isolation', { vcluster: { nodes: 3 } }, 'vcluster', /only with isolation vcluster/],
    ['a misspelt field', { enviroment: 'staging' }, '', /unknown field "enviroment"/],
  ])('%s', (_, patch, field, message) => {
    const errors = errorsOf({ ...minimalInput, ...patch });
    const error = errors.find(e => e.field === field);
    expect(error).toBeDefined();
    expect(error!.message).toMatch(message);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['quota overrides', { tier: { preset: 'm', quotaOverrides: { pods: 10 } } }, 'tier.quotaOverrides', /fixed vcluster isolation quota/],
    ['a name starting with a digit', { name: '1ci' }, 'name', /must start with a letter/],
    ['a name longer than 52', { name: long(53) }, 'name', /at most 52/],
    ['a malformed k3s version', { vcluster: { k8sVersion: 'latest' } }, 'vcluster.k8sVersion', /1\.29\.3/],
    ['zero nodes', { vcluster: { nodes: 0 } }, 'vcluster.nodes', /at least 1/],
  ])('with isolation vcluster: %s', (_, patch, field, message) => {
    const error = errorsOf({ ...vclusterInput, ...patch }).find(e => e.field === field);
    expect(error?.message).toMatch(message);
  });

  it('anything but an object', () => {
    expect(errorsOf('payments')).toEqual([{ field: '', message: 'expected object, got string "payments"' }]);
  });

  it('reports every invalid field at once', () => {
    const fields = errorsOf({ ...minimalInput, name: 'X', contact: 'nope', clusters: [] }).map(e => e.field);
    expect(fields).toEqual(['name', 'clusters', 'contact']);
  });
});

describe('parseTenantSpec accepts', () => {
  it('a minimal spec, filling in the defaults', () => {
    expect(specOf(minimalInput)).toEqual({
      ...minimalInput,
      tier: { preset: 's', quotaOverrides: {} },
      isolation: 'namespace',
      network: { ingressControllerNamespace: 'ingress-nginx', allowedNamespaces: [], internetEgress: false },
      podSecurity: 'baseline',
      allowedRegistries: [],
      admins: [],
      developers: [],
      viewers: [],
      backupTier: 3,
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['the production fixture', productionInput],
    ['the vcluster fixture', vclusterInput],
    ['privileged in development', { ...minimalInput, podSecurity: 'privileged' }],
    ['a name of 63 characters', { ...minimalInput, name: long(63) }],
    ['overrides exactly at the ceiling', { ...minimalInput, tier: { preset: 'l', quotaOverrides: { 'limits.cpu': 400, 'requests.storage': '2Ti' } } }],
    ['overrides at the floor', { ...minimalInput, tier: { preset: 'xs', quotaOverrides: { 'requests.cpu': '100m', 'limits.memory': '128Mi', 'requests.memory': '128Mi' } } }],
    ['counts as strings', { ...minimalInput, tier: { preset: 'xs', quotaOverrides: { pods: '40', services: '0' } } }],
    ['a registry with a port', { ...minimalInput, allowedRegistries: ['localhost:5000/', 'registry.example.com:443/team_a/apps/'] }],
    ['IPv6 cluster CIDRs', { ...minimalInput, network: { internetEgress: true, clusterCidrs: ['fd00:10:244::/56', '10.244.0.0/16'] } }],
    ['a budget without currency', { ...minimalInput, monthlyBudget: { amount: 99.5 } }],
    ['every backup tier', { ...minimalInput, backupTier: 1 }],
    ['a vcluster without settings', { ...vclusterInput, vcluster: undefined }],
    ['a vcluster with a k3s tag', { ...vclusterInput, vcluster: { k8sVersion: 'v1.30.1-k3s2' } }],
  ])('%s', (_, input) => {
    expect(parseTenantSpec(input).success).toBe(true);
  });

  it('defaults the budget currency to USD', () => {
    expect(specOf({ ...minimalInput, monthlyBudget: { amount: 5 } }).monthlyBudget).toEqual({ amount: 5, currency: 'USD' });
  });

  it('defaults the namespace to the name', () => {
    expect(tenantNamespace(specOf(minimalInput))).toBe('payments-dev');
    expect(tenantNamespace(specOf(productionInput))).toBe('payments-production');
  });
});

describe('tenantSpecSchema', () => {
  it('describes every top-level field for the template editor', () => {
    const shape = tenantSpecSchema.innerType().shape as Record<string, { description?: string }>;
    const undescribed = Object.entries(shape)
      .filter(([, field]) => !field.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});

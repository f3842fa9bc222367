import { KubeManifest } from './manifests';
import { renderTenant } from './renderTenant';
import { tenantReachabilityProof } from './tenantReachabilityProof';
import { minimalInput, productionInput, specOf, vclusterInput } from './testing/specs';

const production = specOf(productionInput);

function replacePolicy(manifests: KubeManifest[], name: string, spec: unknown): KubeManifest[] {
  return manifests.map(m => (m.kind === 'NetworkPolicy' && m.metadata.name === name ? { ...m, spec } : m));
}

describe('tenantReachabilityProof', () => {
  it.each([
    ['minimal', minimalInput],
    ['production', productionInput],
    ['vcluster', vclusterInput],
  ])('passes every check for the %s tenant', (_, input) => {
    const spec = specOf(input);
    const checks = tenantReachabilityProof(spec, renderTenant(spec));
    expect(checks.filter(c => !c.pass)).toEqual([]);
  });

  it('checks what the production spec promises', () => {
    const checks = tenantReachabilityProof(production, renderTenant(production));
    expect(checks.map(c => [c.name, c.expected])).toEqual([
      ['same namespace: pod to pod on TCP/8080', 'allowed'],
      ["from another tenant's namespace on TCP/8080", 'denied'],
      ["to another tenant's namespace on TCP/8080", 'denied'],
      ['from the ingress controller namespace ingress-nginx on TCP/8080', 'allowed'],
      ['DNS to cluster DNS in kube-system on UDP/53', 'allowed'],
      ['DNS to cluster DNS in kube-system on TCP/53', 'allowed'],
      ['port 53 to a non-DNS pod in kube-system', 'denied'],
      ['port 53 to a DNS-labelled pod outside kube-system', 'denied'],
      ['internet (203.0.113.10) on TCP/443', 'allowed'],
      ['internet (203.0.113.10) on TCP/80', 'denied'],
      ['cluster range 10.244.0.0/16 on TCP/443 through the internet rule', 'denied'],
      ['cluster range 10.96.0.0/12 on TCP/443 through the internet rule', 'denied'],
      ['to payments-db on TCP/5432', 'allowed'],
      ['to payments-db on an unlisted port TCP/1', 'denied'],
      ['to observability on TCP/4317', 'allowed'],
      ['to observability on UDP/8125', 'allowed'],
      ['to observability on an unlisted port TCP/1', 'denied'],
    ]);
    expect(checks.every(c => c.reason.length > 0)).toBe(true);
  });

  it('expects the internet to be closed without internetEgress', () => {
    const spec = specOf(minimalInput);
    const internet = tenantReachabilityProof(spec, renderTenant(spec)).find(c => c.name.endsWith('on TCP/443'))!;
    expect(internet).toMatchObject({ expected: 'denied', actual: 'denied', pass: true });
  });

  it('catches the source DNS rule (two peers ORed)', () => {
    const broken = replacePolicy(renderTenant(production), 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
            { podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
          ],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
    });
    const failed = tenantReachabilityProof(production, broken).filter(c => !c.pass);
    expect(failed.map(c => c.name)).toEqual(['port 53 to a non-DNS pod in kube-system']);
    expect(failed[0]).toMatchObject({ expected: 'denied', actual: 'allowed' });
    expect(failed[0].reason).toContain('egress allowed by payments-production/allow-dns');
  });

  it('catches the source internet rule (namespaceSelector {})', () => {
    const broken = replacePolicy(renderTenant(production), 'allow-internet-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 443, protocol: 'TCP' }] }],
    });
    const failed = tenantReachabilityProof(production, broken).filter(c => !c.pass);
    expect(failed.map(c => c.name)).toEqual(['internet (203.0.113.10) on TCP/443']);
  });

  it('catches selectors on a custom name label', () => {
    const broken = replacePolicy(renderTenant(production), 'allow-ingress-controller', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }] }],
    });
    const failed = tenantReachabilityProof(production, broken).filter(c => !c.pass);
    expect(failed.map(c => c.name)).toEqual(['from the ingress controller namespace ingress-nginx on TCP/8080']);
  });

  it('follows the cluster facts for DNS and picks an internet address outside the cluster ranges', () => {
    const spec = specOf({ ...productionInput, network: { internetEgress: true, clusterCidrs: ['203.0.113.0/24'] } });
    const facts = { clusterName: 'prod-eu', dnsNamespace: 'dns', dnsPodLabels: { app: 'coredns' } };
    const checks = tenantReachabilityProof(spec, renderTenant(spec, facts), facts);
    expect(checks.filter(c => !c.pass)).toEqual([]);
    expect(checks.map(c => c.name)).toContain('DNS to cluster DNS in dns on UDP/53');
    expect(checks.map(c => c.name)).toContain('internet (198.51.100.10) on TCP/443');
  });

  it('expects port 53 in the DNS namespace to be open when the spec allows it', () => {
    const spec = specOf({
      ...minimalInput,
      network: { allowedNamespaces: [{ namespace: 'kube-system', ports: [{ port: 53, protocol: 'UDP' }] }] },
    });
    const checks = tenantReachabilityProof(spec, renderTenant(spec));
    expect(checks.find(c => c.name === 'port 53 to a non-DNS pod in kube-system')).toMatchObject({ expected: 'allowed', pass: true });
    expect(checks.filter(c => !c.pass)).toEqual([]);
  });
});

/* Tenant spec fixtures for the tests of this folder. */
import { parseTenantSpec, TenantSpec, TenantSpecInput } from '../tenantSpec';

/** A minimal valid request: everything else takes its default. */
export const minimalInput: TenantSpecInput = {
  name: 'payments-dev',
  displayName: 'Payments development',
  owner: 'group:default/team-payments',
  clusters: ['dev-eu'],
  environment: 'development',
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
};

/** A production request that uses every namespace-isolation feature. */
export const productionInput: TenantSpecInput = {
  name: 'payments-prod',
  namespace: 'payments-production',
  displayName: 'Payments production',
  description: 'Card payments API and workers',
  owner: 'group:default/team-payments',
  clusters: ['prod-eu', 'prod-us'],
  environment: 'production',
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
  tier: { preset: 'm', quotaOverrides: { 'requests.cpu': '60', pods: 300 } },
  network: {
    allowedNamespaces: [
      { namespace: 'payments-db', ports: [{ port: 5432 }] },
      { namespace: 'observability', ports: [{ port: 4317 }, { port: 8125, protocol: 'UDP' }] },
    ],
    internetEgress: true,
    clusterCidrs: ['10.244.0.0/16', '10.96.0.0/12'],
  },
  podSecurity: 'restricted',
  allowedRegistries: ['registry.example.com/payments/', 'ghcr.io/example/'],
  admins: ['user:default/alice', 'group:default/payments-leads'],
  developers: ['group:default/team-payments', 'user:default/bob'],
  viewers: ['group:default/auditors'],
  monthlyBudget: { amount: 12000, currency: 'EUR' },
  backupTier: 1,
};

/** A virtual-cluster request for a large CI fleet. */
export const vclusterInput: TenantSpecInput = {
  name: 'ci-sandbox',
  displayName: 'CI sandbox',
  owner: 'group:default/platform-team',
  clusters: ['dev-eu'],
  environment: 'staging',
  costCenter: 'cc-2002',
  contact: 'platform@example.com',
  isolation: 'vcluster',
  vcluster: { k8sVersion: '1.29.3', nodes: 120 },
  network: { internetEgress: true },
  developers: ['group:default/ci-users'],
};

/** Parses a fixture, failing loudly when it is not valid. */
export function specOf(input: unknown): TenantSpec {
  const result = parseTenantSpec(input);
  if (!result.success) throw new Error(`fixture is invalid: ${JSON.stringify(result.errors)}`);
  return result.spec;
}

/* Test builders of kubeyard-backend's responses, in the shapes of the API contract. */
import {
  ClusterSummary,
  parseTenantSpec,
  TenantDetail,
  TenantSpecInput,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/** A healthy cluster as GET /clusters lists it. */
export function clusterSummary(name: string, overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    name,
    version: 'v1.31.4',
    status: 'healthy',
    sync: { state: 'synced' },
    nodes: { ready: 3, total: 3 },
    zones: ['eu-west-1a', 'eu-west-1b'],
    cpu: { allocatableCores: 24, requestedCores: 6 },
    memory: { allocatableBytes: 96e9, requestedBytes: 20e9 },
    pods: 40,
    namespaces: 12,
    findings: { critical: 0, warning: 0, info: 0 },
    ...overrides,
  };
}

/** A tenant as GET /tenants/:name returns it, from a spec as a template would send it. */
export function tenantDetail(input: Partial<TenantSpecInput> & { name: string }): TenantDetail {
  const parsed = parseTenantSpec({
    displayName: input.name,
    owner: 'group:default/team-payments',
    clusters: ['prod-eu'],
    environment: 'production',
    costCenter: 'cc-1001',
    contact: 'team@example.com',
    ...input,
  });
  if (!parsed.success) throw new Error(`bad fixture: ${JSON.stringify(parsed.errors)}`);
  const spec = parsed.spec;
  return {
    name: spec.name,
    displayName: spec.displayName,
    owner: spec.owner,
    environment: spec.environment,
    tier: spec.tier.preset,
    isolation: spec.isolation,
    clusters: spec.clusters,
    status: 'Active',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-02T00:00:00Z',
    spec,
    clusterStatus: spec.clusters.map(cluster => ({ cluster, namespace: spec.namespace ?? spec.name, phase: 'Active' as const })),
    findings: [],
    history: [],
  };
}

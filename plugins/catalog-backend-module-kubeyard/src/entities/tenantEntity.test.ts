import { tenantDetail } from '../__testUtils__/builders';
import { expectCatalogAccepts } from '../__testUtils__/catalogPolicies';
import { tenantEntity } from './tenantEntity';

const appBaseUrl = 'https://backstage.example.com';

describe('tenantEntity', () => {
  it('is a kubernetes-tenant Resource owned by its Group and depending on its clusters', async () => {
    const entity = tenantEntity(
      tenantDetail({
        name: 'payments-prod',
        displayName: 'Payments production',
        owner: 'group:default/team-payments',
        clusters: ['prod-eu', 'prod-us'],
        tier: { preset: 'm' },
      }),
      { appBaseUrl },
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'payments-prod',
        namespace: 'default',
        title: 'Payments production',
        description: 'Namespace tenant (production, tier m) on prod-eu, prod-us',
        labels: {
          'app.kubernetes.io/managed-by': 'kubeyard',
          'kubeyard.io/environment': 'production',
          'kubeyard.io/cost-center': 'cc-1001',
          'kubeyard.io/tier': 'm',
          'kubeyard.io/isolation': 'namespace',
        },
        annotations: {
          'backstage.io/managed-by-location': 'kubeyard:tenants/payments-prod',
          'backstage.io/managed-by-origin-location': 'kubeyard:tenants/payments-prod',
          'kubeyard.io/tenant': 'payments-prod',
          'backstage.io/kubernetes-namespace': 'payments-prod',
          'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/managed-by=kubeyard,kubeyard.io/tenant=payments-prod',
        },
        tags: ['kubernetes', 'tenant', 'namespace'],
        links: [{ url: 'https://backstage.example.com/kubeyard/tenants/payments-prod', title: 'Kubeyard tenant page', icon: 'dashboard' }],
      },
      spec: {
        type: 'kubernetes-tenant',
        owner: 'group:default/team-payments',
        dependsOn: ['resource:default/prod-eu', 'resource:default/prod-us'],
      },
    });
    await expectCatalogAccepts(entity);
  });

  it.each([
    [{ name: 'payments', namespace: 'payments-production' }, 'payments-production', 'Namespace tenant (production, tier s) on prod-eu'],
    [{ name: 'ci', isolation: 'vcluster' as const, environment: 'staging' as const }, 'ci', 'Virtual cluster tenant (staging, tier s) on prod-eu'],
    [{ name: 'docs', description: 'Documentation sites' }, 'docs', 'Documentation sites'],
  ])('%j lives in namespace %s and is described as "%s"', async (input, namespace, description) => {
    const entity = tenantEntity(tenantDetail(input), { appBaseUrl });
    expect(entity.metadata.annotations!['backstage.io/kubernetes-namespace']).toBe(namespace);
    expect(entity.metadata.description).toBe(description);
    await expectCatalogAccepts(entity);
  });
});

import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:kubeyard/tenant`: the "Tenant" card on a tenant's catalog entity (a Resource
 * of type kubernetes-tenant, named by its `kubeyard.io/tenant` annotation).
 */
export const entityTenantCard = EntityCardBlueprint.make({
  name: 'tenant',
  params: {
    filter: { kind: 'resource', 'spec.type': 'kubernetes-tenant' },
    loader: () =>
      import('../components/EntityTenantCards/EntityTenantCard').then(m => (
        <m.EntityTenantCard />
      )),
  },
});

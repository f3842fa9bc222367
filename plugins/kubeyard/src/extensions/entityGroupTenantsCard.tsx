import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** `entity-card:kubeyard/group-tenants`: "Our tenants" on a Group's overview. */
export const entityGroupTenantsCard = EntityCardBlueprint.make({
  name: 'group-tenants',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/EntityTenantCards/EntityGroupTenantsCard').then(
        m => <m.EntityGroupTenantsCard />,
      ),
  },
});

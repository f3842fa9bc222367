import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:kubeyard/costs`: the "Costs" card on Components (their workloads), tenant
 * Resources (spec.type kubernetes-tenant) and Groups (their tenants and namespaces): the last
 * 30 days, a daily trend, and month-to-date against the budget.
 */
export const entityCostsCard = EntityCardBlueprint.make({
  name: 'costs',
  params: {
    filter: {
      $any: [
        { kind: 'component' },
        { kind: 'resource', 'spec.type': 'kubernetes-tenant' },
        { kind: 'group' },
      ],
    },
    loader: () =>
      import('../components/EntityCostsCard/EntityCostsCard').then(m => (
        <m.EntityCostsCard />
      )),
  },
});

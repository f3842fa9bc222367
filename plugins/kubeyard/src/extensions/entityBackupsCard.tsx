import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:kubeyard/backups`: the "Backups" card on Components and on tenant Resources
 * (spec.type kubernetes-tenant): coverage, newest backup, RPO status and last restore drill.
 */
export const entityBackupsCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    filter: {
      $any: [
        { kind: 'component' },
        { kind: 'resource', 'spec.type': 'kubernetes-tenant' },
      ],
    },
    loader: () =>
      import('../components/EntityBackupsCard/EntityBackupsCard').then(m => (
        <m.EntityBackupsCard />
      )),
  },
});

import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** `entity-content:kubeyard/clusters`: a Component's workloads across clusters. */
export const entityClustersContent = EntityContentBlueprint.make({
  name: 'clusters',
  params: {
    path: '/clusters',
    title: 'Clusters',
    group: 'deployment',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityClustersContent/EntityClustersContent').then(
        m => <m.EntityClustersContent />,
      ),
  },
});

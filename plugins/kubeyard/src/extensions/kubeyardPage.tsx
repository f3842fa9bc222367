import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { KubeyardIcon } from './KubeyardIcon';

/**
 * `page:kubeyard`: the fleet (/kubeyard), cluster (/kubeyard/clusters/:name), federation
 * (/kubeyard/federation), tenants (/kubeyard/tenants, /kubeyard/tenants/:name),
 * ownership (/kubeyard/ownership) and costs (/kubeyard/costs) pages. Title and icon make it a sidebar item.
 */
export const kubeyardPage = PageBlueprint.make({
  params: {
    path: '/kubeyard',
    routeRef: rootRouteRef,
    title: 'Kubeyard',
    icon: <KubeyardIcon fontSize="inherit" />,
    // The pages bring their own Backstage header with the Fleet / Federation / Tenants /
    // Ownership tabs.
    noHeader: true,
    loader: () =>
      import('../components/KubeyardRouter/KubeyardRouter').then(m => (
        <m.KubeyardRouter />
      )),
  },
});

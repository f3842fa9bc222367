import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { entityClustersContent, kubeyardApi, kubeyardPage } from './extensions';
import { KubeyardIcon } from './extensions/KubeyardIcon';
import { clusterRouteRef, federationRouteRef, rootRouteRef } from './routes';

/** The Kubeyard frontend plugin for Backstage's new frontend system. */
export const kubeyardPlugin = createFrontendPlugin({
  pluginId: 'kubeyard',
  title: 'Kubeyard',
  icon: <KubeyardIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    cluster: clusterRouteRef,
    federation: federationRouteRef,
  },
  extensions: [kubeyardApi, kubeyardPage, entityClustersContent],
});

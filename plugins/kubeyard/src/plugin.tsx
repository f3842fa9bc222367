import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  clusterPickerFormField,
  entityBackupsCard,
  entityClustersContent,
  entityGroupTenantsCard,
  entityTenantCard,
  kubeyardApi,
  kubeyardPage,
} from './extensions';
import { KubeyardIcon } from './extensions/KubeyardIcon';
import {
  backupsRouteRef,
  clusterBackupsRouteRef,
  clusterRouteRef,
  createTenantRouteRef,
  federationRouteRef,
  ownershipRouteRef,
  rootRouteRef,
  tenantRouteRef,
  tenantsRouteRef,
} from './routes';

/** The Kubeyard frontend plugin for Backstage's new frontend system. */
export const kubeyardPlugin = createFrontendPlugin({
  pluginId: 'kubeyard',
  title: 'Kubeyard',
  icon: <KubeyardIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    cluster: clusterRouteRef,
    federation: federationRouteRef,
    tenants: tenantsRouteRef,
    tenant: tenantRouteRef,
    ownership: ownershipRouteRef,
    backups: backupsRouteRef,
    clusterBackups: clusterBackupsRouteRef,
  },
  externalRoutes: {
    createTenant: createTenantRouteRef,
  },
  extensions: [
    kubeyardApi,
    kubeyardPage,
    entityClustersContent,
    entityGroupTenantsCard,
    entityTenantCard,
    entityBackupsCard,
    clusterPickerFormField,
  ],
});

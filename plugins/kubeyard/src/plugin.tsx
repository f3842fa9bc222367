import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  clusterPickerFormField,
  entityBackupsCard,
  entityClustersContent,
  entityCostsCard,
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
  costsRouteRef,
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
    costs: costsRouteRef,
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
    entityCostsCard,
    clusterPickerFormField,
  ],
});

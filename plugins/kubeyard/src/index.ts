/**
 * Kubeyard's frontend plugin: fleet, cluster, federation, tenant and ownership pages, a
 * "Clusters" tab on Components and tenant cards on Groups and tenant entities, for
 * Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { kubeyardPlugin } from './plugin';

export { kubeyardApiRef } from './api/kubeyardApiRef';
export {
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
export { kubeyardPlugin };

// The app's `app.packages: all` discovery installs the default export of the main entry.
export default kubeyardPlugin;

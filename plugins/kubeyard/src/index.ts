/**
 * Kubeyard's frontend plugin: fleet, cluster and federation pages and a "Clusters" tab on
 * Components, for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { kubeyardPlugin } from './plugin';

export { kubeyardApiRef } from './api/kubeyardApiRef';
export { clusterRouteRef, federationRouteRef, rootRouteRef } from './routes';
export { kubeyardPlugin };

// The app's `app.packages: all` discovery installs the default export of the main entry.
export default kubeyardPlugin;

export { FleetIndex } from './FleetIndex';
export { ClusterWatcher, DEFAULT_WATCHER_OPTIONS, describeError, withTimeout } from './ClusterWatcher';
export type { ClusterWatcherOptions } from './ClusterWatcher';
export { ConfigClusterLocator } from './ConfigClusterLocator';
export { FLEET_TYPES, FEDERATION_TYPES, TENANT_TYPES } from './watchedTypes';
export { kubeConfigFor } from './kubeConfigFor';
export type { ClusterConnection, ClusterLocator, ClusterSnapshot, KubeObject, ResourceQuotaInfo, WatchedType } from './types';

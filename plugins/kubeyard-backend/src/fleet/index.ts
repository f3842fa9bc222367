export { FleetIndex } from './FleetIndex';
export { ClusterWatcher, DEFAULT_WATCHER_OPTIONS, describeError } from './ClusterWatcher';
export type { ClusterWatcherOptions } from './ClusterWatcher';
export { ConfigClusterLocator } from './ConfigClusterLocator';
export { FLEET_TYPES, FEDERATION_TYPES } from './watchedTypes';
export type { ClusterConnection, ClusterLocator, ClusterSnapshot, KubeObject, WatchedType } from './types';

/**
 * Kubeyard's isomorphic domain code, shared by the backend, the frontend and the scaffolder
 * and catalog modules.
 *
 * @packageDocumentation
 */
export * from './api/types';
export type { KubeyardApi } from './api/KubeyardApi';
export { KubeyardClient } from './api/KubeyardClient';
export * from './api/tenantTypes';
export * from './api/backupTypes';
export * from './api/backupOperationTypes';
export * from './api/costTypes';
export { costQueryString } from './api/KubeyardClient';
export type { KubeyardDiscovery, KubeyardFetch } from './api/KubeyardClient';
export * from './fleet/types';
export * from './findings/types';
export * from './selectors/labelSelector';
export * from './federation/replicaSplit';
export * from './quantity';
export * from './ha';
export * from './tenants';
export * from './backups';
export * from './costs';
export * from './permissions';

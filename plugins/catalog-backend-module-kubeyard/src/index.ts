/**
 * Kubeyard's catalog module: clusters as `kubernetes-cluster` Resources (with the annotations
 * the kubernetes plugin's catalog locator reads) and tenants as `kubernetes-tenant` Resources
 * owned by their Group.
 *
 * @packageDocumentation
 */
export { kubeyardCatalogModule as default } from './module';
export { KubeyardEntityProvider } from './provider/KubeyardEntityProvider';
export type { KubeyardEntityProviderOptions } from './provider/KubeyardEntityProvider';
export { TENANT_CHANGED_TOPIC } from './provider/tenantChangedEvent';
export { clusterEntity } from './entities/clusterEntity';
export type { ClusterEntityOptions } from './entities/clusterEntity';
export { tenantEntity } from './entities/tenantEntity';
export type { TenantEntityOptions } from './entities/tenantEntity';
export { CLUSTER_TYPE, TENANT_TYPE, CLUSTER_ANNOTATION, TENANT_ANNOTATION } from './entities/conventions';
export { readClusterConnections } from './config/readClusterConnections';
export type { ClusterConnection } from './config/readClusterConnections';

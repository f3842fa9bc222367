export { TenantRegistry } from './TenantRegistry';
export type { TenantRecord, TenantClusterRecord, ClusterState, TenantStatus } from './TenantRegistry';
export { TenantLifecycle } from './TenantLifecycle';
export { TenantClusterClients, TenantClusterClient } from './clusterClient';
export { createTenantRouter, initiatorOf } from './tenantRouter';
export {
  isTenantOwner,
  tenantConditions,
  createTenantConditionalDecision,
  tenantPermissionResourceRef,
  tenantPermissionRules,
  registerTenantPermissions,
  TenantAuthorizer,
} from './tenantPermissions';
export type { TenantResource, TenantQuery } from './tenantPermissions';
export { planTenant } from './planTenant';
export { applyTenant } from './applyTenant';
export { DEFAULT_TENANT_OPERATION_OPTIONS } from './types';
export type { TenantOperationOptions, TenantOperationContext } from './types';
export { RequestValidationError, audited, booleanQuery, fieldErrorHandler } from './routeHelpers';
export { waitForDeletion } from './waitForDeletion';
export { describeKubeError, httpStatusOf, isUncertain } from './clusterClient';
export { diffObjects } from './objectDiff';

/**
 * Kubeyard backend plugin: fleet index, cluster, workload and federation views, and the tenant
 * lifecycle (plan, apply, verify, decommission).
 *
 * @packageDocumentation
 */
export { kubeyardPlugin as default } from './service/plugin';
export * from './fleet';
export {
  isTenantOwner,
  tenantConditions,
  createTenantConditionalDecision,
  tenantPermissionResourceRef,
  tenantPermissionRules,
} from './tenants';
export type { TenantResource, TenantQuery } from './tenants';
export {
  costConditions,
  createCostConditionalDecision,
  costPermissionResourceRef,
  costPermissionRules,
  isCostOwner,
  COST_TYPES,
  COST_MODEL_TYPES,
  CostStore,
  createCostCollector,
  readCostConfig,
  costGroupOf,
} from './costs';
export type { CostResource, CostOwnerQuery, CostConfig, CostGroup, CostGroupReader, ClusterCollection } from './costs';

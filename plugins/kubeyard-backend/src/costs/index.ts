export { COST_TYPES, COST_MODEL_TYPES, projectPersistentVolumeClaim } from './watchedTypes';
export type { PersistentVolumeClaimInfo } from './watchedTypes';
export { createCostFeature, createCostCollector, COST_COLLECTION_TASK } from './costFeature';
export { createCostRouter } from './costRouter';
export { CostStore } from './CostStore';
export { costGroupOf } from './costCatalog';
export type { CostGroup, CostGroupReader } from './costCatalog';
export { CostCollector } from './CostCollector';
export type { ClusterCollection } from './CostCollector';
export { readCostConfig, DEFAULT_COST_CONFIG } from './costConfig';
export type { CostConfig } from './costConfig';
export {
  costConditions,
  createCostConditionalDecision,
  costPermissionResourceRef,
  costPermissionRules,
  isCostOwner,
} from './costPermissions';
export type { CostResource, CostOwnerQuery } from './costPermissions';

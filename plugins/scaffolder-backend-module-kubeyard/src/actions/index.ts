export { createPlanTenantAction } from './createPlanTenantAction';
export { createApplyTenantAction } from './createApplyTenantAction';
export type { ApplyTenantActionOptions } from './createApplyTenantAction';
export { createVerifyTenantAction } from './createVerifyTenantAction';

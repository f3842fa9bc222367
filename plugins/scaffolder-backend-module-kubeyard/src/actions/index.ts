export { createPlanTenantAction } from './createPlanTenantAction';
export { createApplyTenantAction } from './createApplyTenantAction';
export type { ApplyTenantActionOptions } from './createApplyTenantAction';
export { createVerifyTenantAction } from './createVerifyTenantAction';
export { createScheduleBackupAction } from './createScheduleBackupAction';
export { createBackupNowAction } from './createBackupNowAction';
export type { BackupNowActionOptions } from './createBackupNowAction';
export { createRestoreDrillAction } from './createRestoreDrillAction';
export type { RestoreDrillActionOptions } from './createRestoreDrillAction';

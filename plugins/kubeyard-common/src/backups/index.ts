export * from './veleroTypes';
export { parseGoDuration, describeDuration } from './duration';
export { globToRegExp } from './glob';
export { InvalidCronError, isValidVeleroCron, nextRun, parseVeleroCron, scheduleInterval, tryScheduleInterval } from './cron';
export type { VeleroCron } from './cron';
export { compileBackupFilter, usesOldResourceFilters } from './backupFilter';
export type { BackupFilter, BackupFilterOptions, CoverageTarget, CoverageVerdict } from './backupFilter';
export { validateBackupSpec } from './validateBackupSpec';
export { backupCovers, evaluateCoverage, explainCoverage, resourceOfKind } from './coverage';
export type {
  CoverageInput,
  CoverageNamespace,
  CoverageResult,
  CoverageSchedule,
  CoverageStatus,
  CoverageWorkload,
  IgnoredSchedule,
  IgnoredScheduleReason,
  NamespaceCoverage,
  UncoveredReason,
  UncoveredWorkload,
} from './coverage';
export { RECOVERY_TIERS, recoveryTier } from './recoveryTiers';
export type { RecoveryTier, RecoveryTierTargets } from './recoveryTiers';
export { evaluateRpo } from './rpo';
export type { RpoBackup, RpoInput, RpoResult, RpoSchedule } from './rpo';
export { SCHEDULE_PRESETS, SYSTEM_NAMESPACES, presetForTier, scheduleForTenant, tenantScheduleManifest } from './schedulePresets';
export { schedulesForTenant } from './tenantSchedules';
export type { SchedulePreset, SchedulePresetName, TenantScheduleInput, TenantSchedulePlan } from './schedulePresets';
export {
  EXPIRY_WARNING_MS,
  FIRST_BACKUP_GRACE_MS,
  MIN_BACKUP_BYTES,
  STALE_AFTER_MS,
  backupRules,
  evaluateBackupFindings,
} from './backupFindings';
export type { BackupContext, BackupFindingsInput, BackupGroup, BackupRule } from './backupContext';
export {
  DEFAULT_DRILL_CADENCE_MS,
  DRILL_CADENCE_ANNOTATION,
  RESTORE_DRILL_LABEL,
  isKubeyardRestoreDrill,
  isRestoreDrill,
  restoredScheduleOf,
} from './restoreDrills';
export {
  RESTORE_DRILL_ANNOTATIONS,
  RESTORE_DRILL_CLEANUP_PENDING,
  RESTORE_DRILL_NAMESPACE_LABEL,
  RESTORE_DRILL_RESTORE_LABEL,
  restoreDrillAnnotations,
  restoreDrillRecordOf,
} from './restoreDrillRecord';
export type { RestoreDrillRecord } from './restoreDrillRecord';

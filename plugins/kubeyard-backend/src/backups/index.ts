export { BACKUP_TYPES, projectVeleroObject } from './watchedTypes';
export { addBackupRoutes } from './backupsRouter';
export type { BackupRoutesOptions } from './backupsRouter';
export { createBackupWriteRouter } from './backupWriteRouter';
export type { BackupWriteRouterOptions } from './backupWriteRouter';
export { DEFAULT_RESTORE_DRILL_TIMINGS, RestoreDrillDriver } from './RestoreDrillDriver';
export type { RestoreDrillTimings } from './RestoreDrillDriver';
export { RestoreDrillStore } from './RestoreDrillStore';
export type { RecordedRestoreDrill } from './recordedDrills';

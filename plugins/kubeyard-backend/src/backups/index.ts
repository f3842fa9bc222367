export { BACKUP_TYPES, projectVeleroObject } from './watchedTypes';
export { addBackupRoutes } from './backupsRouter';
export type { BackupRoutesOptions } from './backupsRouter';

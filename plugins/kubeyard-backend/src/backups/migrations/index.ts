/* The backup feature's migrations (see featureMigrations). */
import { featureMigrations } from '../../database/featureMigrations';
import * as restoreDrills from './20261201_restore_drills';

/** Migrations of the restore drill records, recorded in their own table. */
export const backupMigrations = featureMigrations('backup', 'kubeyard_backups_migrations', [['20261201_restore_drills', restoreDrills]]);

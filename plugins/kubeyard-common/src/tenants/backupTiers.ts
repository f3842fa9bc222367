/*
 * Recovery tiers (SEED-DIGEST §4): what a tenant asks of its backups. The backups feature
 * compares these targets with the schedules that actually cover the tenant.
 */

/** A backup tier: 1 is the most demanding. */
export type BackupTier = 1 | 2 | 3 | 4;

/** Recovery targets of one tier; `rpoSeconds` 0 means no data loss is acceptable. */
export interface BackupTierTargets {
  rpoSeconds: number;
  rtoSeconds: number;
  summary: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** RPO and RTO targets per backup tier. */
export const BACKUP_TIERS: Record<BackupTier, BackupTierTargets> = {
  1: { rpoSeconds: 0, rtoSeconds: HOUR, summary: 'RPO 0, RTO < 1 h' },
  2: { rpoSeconds: 5 * MINUTE, rtoSeconds: 4 * HOUR, summary: 'RPO < 5 min, RTO < 4 h' },
  3: { rpoSeconds: HOUR, rtoSeconds: 24 * HOUR, summary: 'RPO < 1 h, RTO < 24 h' },
  4: { rpoSeconds: 24 * HOUR, rtoSeconds: 72 * HOUR, summary: 'RPO < 24 h, RTO < 72 h' },
};

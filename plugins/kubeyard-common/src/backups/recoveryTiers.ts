/*
 * Recovery tiers (seed 001:7601–7641): how much data (RPO) and how much time (RTO) a service may
 * lose. The seed writes the bounds as "< 1 h"; Kubeyard reads each as the most that is
 * tolerated, so an hourly schedule meets a 1 h RPO and a daily one a 24 h RPO.
 */
import { InputError } from '@backstage/errors';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';

/** A recovery tier: 1 is the strictest. */
export type RecoveryTier = 1 | 2 | 3 | 4;

/** What a tier allows. */
export interface RecoveryTierTargets {
  tier: RecoveryTier;
  /** Recovery point objective: the most data, in ms of writes, that may be lost. 0 = none. */
  rpoMs: number;
  /** Recovery time objective: the longest a restore may take, in ms. */
  rtoMs: number;
  /** How the tier is usually met. */
  strategy: string;
}

/** The four tiers of the seed. */
export const RECOVERY_TIERS: Readonly<Record<RecoveryTier, RecoveryTierTargets>> = {
  1: { tier: 1, rpoMs: 0, rtoMs: HOUR_MS, strategy: 'hot standby with continuous replication; backups only guard against corruption that replication copies' },
  2: { tier: 2, rpoMs: 5 * MINUTE_MS, rtoMs: 4 * HOUR_MS, strategy: 'warm standby, backups every 5 minutes' },
  3: { tier: 3, rpoMs: HOUR_MS, rtoMs: DAY_MS, strategy: 'hourly backups, restore into a cold cluster' },
  4: { tier: 4, rpoMs: DAY_MS, rtoMs: 3 * DAY_MS, strategy: 'daily backups and restore' },
};

/** The targets of a tier; InputError for anything but 1–4. */
export function recoveryTier(tier: number): RecoveryTierTargets {
  const targets = RECOVERY_TIERS[tier as RecoveryTier];
  if (!targets) throw new InputError(`backup tier ${JSON.stringify(tier)} does not exist; use 1 (RPO 0), 2 (RPO 5m), 3 (RPO 1h) or 4 (RPO 24h)`);
  return targets;
}

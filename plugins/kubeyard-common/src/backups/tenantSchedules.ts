/*
 * Every Schedule a tenant gets (seed 001:8147–8225, issue #6): the daily preset (02:00, kept
 * 30 days) and the weekly full (Sunday 01:00, kept 90 days) for retention, plus the preset its
 * tier's RPO needs when daily is not frequent enough (hourly for tiers 1 and 3, every 5 minutes
 * for tier 2). Each is a separate Schedule, so the long-kept backups do not multiply with the
 * frequent ones.
 */
import { SCHEDULE_PRESETS, scheduleForTenant, tenantScheduleManifest, type TenantScheduleInput, type TenantSchedulePlan } from './schedulePresets';

/** The tenant's Schedules, retention first, then the RPO preset (when it is not daily). */
export function schedulesForTenant(input: TenantScheduleInput): TenantSchedulePlan[] {
  const forTier = scheduleForTenant(input);
  const retention = [SCHEDULE_PRESETS.daily, SCHEDULE_PRESETS['weekly-full']]
    .filter(preset => preset.name !== forTier.preset)
    .map(preset => ({ schedule: tenantScheduleManifest(input, preset), preset: preset.name, findings: [] }));
  return forTier.preset === 'daily' ? [forTier, ...retention] : [...retention, forTier];
}

import { scheduleInterval } from './cron';
import { parseGoDuration } from './duration';
import { RecoveryTier, recoveryTier } from './recoveryTiers';
import { SCHEDULE_PRESETS, SchedulePresetName, presetForTier, scheduleForTenant } from './schedulePresets';
import { NOW } from './testing/builders';

describe('SCHEDULE_PRESETS (seed 001:8147–8225)', () => {
  it.each<[SchedulePresetName, string, string]>([
    ['daily', '0 2 * * *', '720h0m0s'],
    ['weekly-full', '0 1 * * 0', '2160h0m0s'],
    ['hourly', '0 * * * *', '168h0m0s'],
    ['every-5-minutes', '*/5 * * * *', '24h0m0s'],
  ])('%s runs "%s" and keeps backups %s; intervalMs is what scheduleInterval computes', (name, cron, ttl) => {
    const preset = SCHEDULE_PRESETS[name];
    expect([preset.schedule, preset.ttl, preset.template.ttl]).toEqual([cron, ttl, ttl]);
    expect(preset.intervalMs).toBe(scheduleInterval(cron, NOW));
    expect(parseGoDuration(ttl)).toBeGreaterThan(preset.intervalMs);
  });

  it('the daily preset leaves out the system namespaces and no labelSelector drops unlabelled workloads', () => {
    expect(SCHEDULE_PRESETS.daily.template).toEqual({
      includedNamespaces: ['*'],
      excludedNamespaces: ['kube-system', 'kube-public', 'kube-node-lease'],
      includedResources: ['*'],
      includeClusterResources: true,
      snapshotVolumes: true,
      ttl: '720h0m0s',
    });
  });

  it('tier 1 (RPO 0, which no schedule meets) gets the hourly preset as a fallback', () => {
    expect(presetForTier(1).name).toBe('hourly');
  });

  it.each<[RecoveryTier, SchedulePresetName]>([
    [2, 'every-5-minutes'],
    [3, 'hourly'],
    [4, 'daily'],
  ])('tier %d gets the %s preset, the least frequent whose interval fits the RPO', (tier, name) => {
    const preset = presetForTier(tier);
    expect(preset.name).toBe(name);
    expect(preset.intervalMs).toBeLessThanOrEqual(recoveryTier(tier).rpoMs);
  });
});

describe('scheduleForTenant', () => {
  it('writes a Velero Schedule for the tenant namespace at tier 4 (daily)', () => {
    expect(scheduleForTenant({ tenant: 'payments', namespace: 'payments-prod', backupTier: 4, storageLocation: 'eu-central' })).toEqual({
      preset: 'daily',
      findings: [],
      schedule: {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: {
          name: 'kubeyard-payments-daily',
          namespace: 'velero',
          labels: { 'app.kubernetes.io/managed-by': 'kubeyard', 'kubeyard.io/tenant': 'payments' },
        },
        spec: {
          schedule: '0 2 * * *',
          template: {
            metadata: { labels: { 'app.kubernetes.io/managed-by': 'kubeyard', 'kubeyard.io/tenant': 'payments' } },
            includedNamespaces: ['payments-prod'],
            snapshotVolumes: true,
            ttl: '720h0m0s',
            storageLocation: 'eu-central',
          },
          useOwnerReferencesInBackup: false,
        },
      },
    });
  });

  it.each<[RecoveryTier, string, string, string[]]>([
    [1, 'kubeyard-payments-hourly', '0 * * * *', ['backup.rpo.needs-replication']],
    [2, 'kubeyard-payments-every-5-minutes', '*/5 * * * *', ['backup.schedule.high-frequency']],
    [3, 'kubeyard-payments-hourly', '0 * * * *', []],
    [4, 'kubeyard-payments-daily', '0 2 * * *', []],
  ])('tier %d: Schedule %s runs "%s" with findings %j', (backupTier, name, cron, ids) => {
    const plan = scheduleForTenant({ tenant: 'payments', namespace: ['payments-prod', 'payments-jobs'], backupTier });
    expect(plan.schedule.metadata.name).toBe(name);
    expect(plan.schedule.spec.schedule).toBe(cron);
    expect(plan.schedule.spec.template.includedNamespaces).toEqual(['payments-jobs', 'payments-prod']);
    expect(plan.schedule.spec.template).not.toHaveProperty('storageLocation');
    expect(plan.findings.map(f => f.id)).toEqual(ids);
    for (const finding of plan.findings) expect(finding.object).toEqual({ kind: 'Schedule', name, namespace: 'velero' });
  });

  it.each<[string, Parameters<typeof scheduleForTenant>[0], string]>([
    ['a tenant that is not a DNS label', { tenant: 'Payments', namespace: 'p', backupTier: 4 }, 'tenant "Payments" is not an RFC 1123 DNS label'],
    ['a namespace that is not a DNS label', { tenant: 'payments', namespace: 'p_prod', backupTier: 4 }, 'namespace "p_prod" is not an RFC 1123 DNS label'],
    ['no namespace', { tenant: 'payments', namespace: [], backupTier: 4 }, 'at least one namespace'],
    ['an unknown tier', { tenant: 'payments', namespace: 'p', backupTier: 7 as RecoveryTier }, 'backup tier 7 does not exist'],
    [
      'a name longer than the velero.io/schedule-name label allows',
      { tenant: 'a'.repeat(40), namespace: 'p', backupTier: 2 },
      `Schedule name "kubeyard-${'a'.repeat(40)}-every-5-minutes" is 65 characters; Velero copies it into a label of at most 63, so the tenant name may have at most 38`,
    ],
  ])('refuses %s', (_, input, message) => {
    expect(() => scheduleForTenant(input)).toThrow(message);
  });
});

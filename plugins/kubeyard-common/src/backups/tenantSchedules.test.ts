import { restoreDrillAnnotations, restoreDrillRecordOf } from './restoreDrillRecord';
import { schedulesForTenant } from './tenantSchedules';

describe('schedulesForTenant', () => {
  it.each([
    [4, ['daily', 'weekly-full']],
    [3, ['daily', 'weekly-full', 'hourly']],
    [2, ['daily', 'weekly-full', 'every-5-minutes']],
    [1, ['daily', 'weekly-full', 'hourly']],
  ] as const)('tier %i gets %j', (tier, presets) => {
    const plans = schedulesForTenant({ tenant: 'shop', namespace: 'shop', backupTier: tier, veleroNamespace: 'backup-system' });
    expect(plans.map(p => p.preset)).toEqual(presets);
    expect(plans[0].schedule).toMatchObject({
      metadata: { name: 'kubeyard-shop-daily', namespace: 'backup-system' },
      spec: { schedule: '0 2 * * *', template: { includedNamespaces: ['shop'], ttl: '720h0m0s' } },
    });
    expect(plans[1].schedule.spec).toMatchObject({ schedule: '0 1 * * 0', template: { ttl: '2160h0m0s' } });
  });

  it('keeps the tier findings on the RPO schedule', () => {
    expect(schedulesForTenant({ tenant: 'shop', namespace: 'shop', backupTier: 1 }).flatMap(p => p.findings.map(f => f.id))).toEqual(['backup.rpo.needs-replication']);
  });
});

describe('restore drill records', () => {
  it('round-trips through annotations', () => {
    const record = { rtoMs: 65_000, restoreMs: 60_000, podsReady: { ready: 2, total: 2 }, tier: 3, tierRtoMs: 86_400_000, compliant: true, cleanup: 'deleted', recordedAt: '2025-06-01T10:00:00.000Z' };
    expect(restoreDrillRecordOf({ metadata: { name: 'r', annotations: restoreDrillAnnotations(record) } })).toEqual(record);
    expect(restoreDrillRecordOf({ metadata: { name: 'r', annotations: { 'kubeyard.io/restore-drill-keep': 'true' } } })).toBeUndefined();
  });
});

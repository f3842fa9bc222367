import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { backupTenant } from '../__testUtils__/backupTenant';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeBackendOptions, FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { runAction } from '../__testUtils__/runAction';
import { createRestoreDrillAction } from './createRestoreDrillAction';
import { examples } from './restoreDrill.examples';

describe('kubeyard:backup:restore-drill', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: Partial<FakeBackendOptions> = {}) => {
    fake = await startFakeKubeyardBackend({ clusters: backupTenant.clusters, applied: [backupTenant], ...options });
    return createRestoreDrillAction({ auth: mockServices.auth(), discovery: fake.discovery, pollIntervalMs: 1 });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, input) => {
    const action = await actionFor();
    const { outputs, logs } = await runAction(action, input);
    expect(outputs).toMatchObject({ rtoMs: 90_000, rto: '2m', tierRtoMs: 4 * 3_600_000, tierRto: '4h', compliant: true, phase: 'Completed' });
    expect(outputs.drillId).toMatch(/^prod-eu\/payments-prod-drill-/);
    expect(logs.map(l => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/into payments-prod-restored: restoring, InProgress, 6\/12 items restored$/),
        expect.stringMatching(/verifying, Completed, 12\/12 items restored, 1\/2 pods Ready$/),
        `Restored namespace payments-prod-restored: ${input.keep ? 'kept' : 'deleted'}`,
        expect.stringMatching(/passed: RTO 2m against tier 2's 4h$/),
      ]),
    );
  });

  it('warns when the drill is over the tier RTO', async () => {
    const action = await actionFor({ backups: { drillRtoMs: 5 * 3_600_000 } });
    const { outputs, logs } = await runAction(action, { cluster: 'prod-eu', namespace: 'payments-prod' });
    expect(outputs).toMatchObject({ compliant: false, rto: '5h' });
    expect(logs.some(l => l.level === 'warn' && l.message.includes('is not compliant: RTO 5h'))).toBe(true);
  });

  it('fails the step when the restore fails', async () => {
    const action = await actionFor({ backups: { drillPhase: 'FailedValidation' } });
    await expect(runAction(action, { cluster: 'prod-eu', namespace: 'payments-prod' })).rejects.toThrow(
      /failed: the Restore ended FailedValidation: Error retrieving backup: not found/,
    );
  });

  it('passes the backend field errors on, and refuses a cluster that is not a Resource', async () => {
    const action = await actionFor();
    await expect(runAction(action, { cluster: 'prod-eu', namespace: 'legacy' })).rejects.toThrow(/- namespace: legacy is not a tenant namespace/);
    await expect(runAction(action, { cluster: 'group:default/prod-eu', namespace: 'payments-prod' })).rejects.toThrow(InputError);
  });
});

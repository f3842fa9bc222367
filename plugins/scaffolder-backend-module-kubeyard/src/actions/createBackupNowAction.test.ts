import { mockServices } from '@backstage/backend-test-utils';
import { backupTenant } from '../__testUtils__/backupTenant';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeBackendOptions, FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { ActionRun, runAction } from '../__testUtils__/runAction';
import { examples } from './backupNow.examples';
import { createBackupNowAction } from './createBackupNowAction';

describe('kubeyard:backup:now', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: Partial<FakeBackendOptions> = {}) => {
    fake = await startFakeKubeyardBackend({ clusters: backupTenant.clusters, applied: [backupTenant], ...options });
    return createBackupNowAction({ auth: mockServices.auth(), discovery: fake.discovery, pollIntervalMs: 1 });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, input) => {
    const action = await actionFor();
    const { outputs, logs } = await runAction(action, input);
    expect(outputs.backupName).toMatch(/^payments-prod-/);
    if (input.wait === false) {
      expect(outputs).toMatchObject({ clusters: ['prod-eu'] });
      expect(outputs.outcome).toBeUndefined();
      return;
    }
    expect(outputs).toMatchObject({ outcome: 'Completed', clusters: ['prod-eu', 'prod-us'] });
    const eu = logs.filter(l => l.message.startsWith('[prod-eu]')).map(l => l.message.replace(/Backup \S+ /, ''));
    // The POST answered New; the first poll already sees the backup running.
    expect(eu).toEqual(['[prod-eu] InProgress: 4/10 items backed up', '[prod-eu] InProgress: 8/10 items backed up', '[prod-eu] Completed: 10/10 items backed up']);
    expect(logs[logs.length - 1].message).toMatch(/Completed: 20 items$/);
  });

  it('warns on PartiallyFailed and fails the step on FailedValidation', async () => {
    const partial = await actionFor({ backups: { backupOutcome: { 'prod-us': 'PartiallyFailed' } } });
    const { outputs, logs } = await runAction(partial, { tenant: 'payments-prod' });
    expect(outputs.outcome).toBe('PartiallyFailed');
    expect(logs.filter(l => l.level === 'warn').map(l => l.message)[0]).toMatch(/PartiallyFailed: prod-us: PartiallyFailed/);
    await fake.close();

    const invalid = await actionFor({ backups: { backupOutcome: { 'prod-eu': 'FailedValidation' } } });
    const run: ActionRun = { logs: [], outputs: {} };
    await expect(runAction(invalid, { tenant: 'payments-prod' }, { run })).rejects.toThrow(/ended FailedValidation: prod-eu: FailedValidation \(backup can't be created/);
    expect(run.outputs.outcome).toBe('FailedValidation');
  });

  it('fails on Failed with the failure reason', async () => {
    const action = await actionFor({ backups: { backupOutcome: { 'prod-eu': 'Failed' } } });
    await expect(runAction(action, { tenant: 'payments-prod', cluster: 'prod-eu' })).rejects.toThrow('prod-eu: Failed (error putting object: AccessDenied)');
  });

  it('is not run in dry runs', async () => {
    expect((await actionFor()).supportsDryRun).toBeFalsy();
  });
});

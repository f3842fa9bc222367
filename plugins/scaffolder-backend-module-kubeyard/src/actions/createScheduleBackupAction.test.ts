import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeBackendOptions, FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { ActionRun, runAction } from '../__testUtils__/runAction';
import { backupTenant } from '../__testUtils__/backupTenant';
import { createScheduleBackupAction } from './createScheduleBackupAction';
import { examples } from './scheduleBackup.examples';

describe('kubeyard:backup:schedule', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: Partial<FakeBackendOptions> = {}) => {
    fake = await startFakeKubeyardBackend({ clusters: backupTenant.clusters, applied: [backupTenant], ...options });
    return createScheduleBackupAction({ auth: mockServices.auth(), discovery: fake.discovery });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, input) => {
    const action = await actionFor();
    const { outputs, logs } = await runAction(action, input);
    expect(outputs).toMatchObject({ tier: 2 });
    expect((outputs.results as any[]).map(r => [r.cluster, r.result])).toEqual([
      ['prod-eu', 'created'],
      ['prod-us', 'created'],
    ]);
    expect(logs).toContainEqual({ level: 'info', message: '[prod-eu] create Schedule velero/kubeyard-payments-prod-daily (0 2 * * *, kept 720h0m0s)' });
    expect(logs.some(l => l.level === 'warn' && l.message.includes('every 5 minutes'))).toBe(true);
    expect(fake.requests.at(-1)?.path).toBe(`/api/kubeyard/backups/tenants/payments-prod/schedule?dryRun=${input.dryRun ? 'true' : 'false'}`);
  });

  it('is idempotent: a second run reports every Schedule unchanged', async () => {
    const action = await actionFor();
    await runAction(action, { tenant: 'payments-prod' });
    const { outputs } = await runAction(action, { tenant: 'payments-prod' });
    expect((outputs.results as any[]).map(r => r.result)).toEqual(['unchanged', 'unchanged']);
    expect(outputs.summary).toContain('- **prod-eu**: unchanged');
  });

  it('only previews in a dry run of the template', async () => {
    const action = await actionFor();
    expect(action.supportsDryRun).toBe(true);
    await runAction(action, { tenant: 'payments-prod' }, { isDryRun: true });
    expect(fake.requests.at(-1)?.path).toContain('dryRun=true');
    // In the dry run of a template that creates the tenant, the tenant does not exist yet.
    const { outputs } = await runAction(action, { tenant: 'payments-new' }, { isDryRun: true });
    expect(outputs).toMatchObject({ results: [], summary: expect.stringContaining('does not exist yet') });
  });

  it('fails the step naming the cluster whose Schedules failed, after logging the rest', async () => {
    const action = await actionFor({ backups: { scheduleErrors: { 'prod-us': 'namespaces "velero" not found' } } });
    const run: ActionRun = { logs: [], outputs: {} };
    await expect(runAction(action, { tenant: 'payments-prod' }, { run })).rejects.toThrow(
      'Backup schedules of tenant payments-prod failed on prod-us: Schedule kubeyard-payments-prod-daily: namespaces "velero" not found',
    );
    expect(run.logs.some(l => l.level === 'info' && l.message.startsWith('[prod-eu] create'))).toBe(true);
  });

  it('turns a 404 into a NotFoundError and refuses unknown input', async () => {
    const action = await actionFor();
    await expect(runAction(action, { tenant: 'nobody' })).rejects.toThrow(NotFoundError);
    await expect(runAction(action, { tenant: 'payments-prod', tier: 2 })).rejects.toThrow(/additional property/);
  });
});

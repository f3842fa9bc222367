import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { paymentsTenant } from '../__testUtils__/backupTenant';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeBackendOptions, FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { ActionRun, runAction } from '../__testUtils__/runAction';
import { createVerifyTenantAction } from './createVerifyTenantAction';
import { examples } from './verifyTenant.examples';

const tenant = paymentsTenant;

const VIEWER_SECRETS = 'tenant-viewer may not get secrets in payments-prod';

describe('kubeyard:tenant:verify', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: Partial<FakeBackendOptions> = {}) => {
    fake = await startFakeKubeyardBackend({ clusters: tenant.clusters, applied: [tenant], ...options });
    return createVerifyTenantAction({ auth: mockServices.auth(), discovery: fake.discovery });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, exampleInput) => {
    const action = await actionFor();
    const { outputs, logs } = await runAction(action, exampleInput);
    expect(outputs).toMatchObject({ passed: 14, failed: 0, report: { tenant: 'payments-prod', passed: 14, failed: 0 } });
    expect(logs).toContainEqual({
      level: 'info',
      message: `[prod-us] PASS rbac: ${VIEWER_SECRETS}: expected denied, actual denied`,
    });
    expect(logs[logs.length - 1].message).toBe('Tenant payments-prod: 14 checks passed, 0 failed');
  });

  it('fails the step when a check fails, naming it', async () => {
    const action = await actionFor({ failingChecks: { [VIEWER_SECRETS]: 'allowed' } });
    const run: ActionRun = { logs: [], outputs: {} };
    await expect(runAction(action, { name: 'payments-prod' }, { run })).rejects.toThrow(
      `Tenant payments-prod failed 2 of 14 verification checks: [prod-eu] ${VIEWER_SECRETS}; [prod-us] ${VIEWER_SECRETS}`,
    );
    expect(run.logs).toContainEqual({
      level: 'error',
      message: `[prod-eu] FAIL rbac: ${VIEWER_SECRETS}: expected denied, actual allowed`,
    });
    expect(run.outputs).toMatchObject({ passed: 12, failed: 2 });
  });

  it('only reports with failOnError false', async () => {
    const action = await actionFor({ failingChecks: { [VIEWER_SECRETS]: 'allowed' } });
    const { outputs } = await runAction(action, { name: 'payments-prod', failOnError: false });
    expect(outputs).toMatchObject({ passed: 12, failed: 2 });
  });

  it('turns a 404 into a NotFoundError', async () => {
    const action = await actionFor();
    await expect(runAction(action, { name: 'nope' })).rejects.toThrow(NotFoundError);
  });

  it('is skipped in dry runs, where the tenant is only planned', async () => {
    const action = await actionFor();
    expect(action.supportsDryRun).toBeFalsy();
  });
});

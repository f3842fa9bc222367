import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { KubeyardClient } from '@kubeyard/backstage-plugin-kubeyard-common';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeBackendOptions, FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { ActionRun, runAction } from '../__testUtils__/runAction';
import { examples } from './applyTenant.examples';
import { createApplyTenantAction } from './createApplyTenantAction';

const CLUSTERS = ['prod-eu', 'prod-us'];

const input = {
  name: 'payments-prod',
  displayName: 'Payments production',
  owner: 'group:default/team-payments',
  clusters: ['resource:default/prod-eu', 'prod-us'],
  environment: 'production' as const,
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
};

describe('kubeyard:tenant:apply', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: FakeBackendOptions) => {
    fake = await startFakeKubeyardBackend(options);
    return createApplyTenantAction({ auth: mockServices.auth(), discovery: fake.discovery, pollIntervalMs: 5 });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, exampleInput) => {
    const action = await actionFor({ clusters: CLUSTERS });
    const { outputs, logs } = await runAction(action, exampleInput);

    const name = exampleInput.name as string;
    expect(outputs).toEqual({
      tenant: name,
      entityRef: `resource:default/${name}`,
      tenantPath: `/kubeyard/tenants/${name}`,
      operationId: 'op-1',
      status: 'succeeded',
    });
    const messages = logs.map(l => l.message);
    expect(messages).toContain(`Tenant ${name} applied on ${(exampleInput.clusters as string[]).length} cluster(s)`);
    expect(logs.filter(l => l.level !== 'info')).toEqual([]);
  });

  it('logs each step as it starts and ends, in order', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    const { logs } = await runAction(action, input);
    const namespaceSteps = logs.map(l => l.message).filter(m => m.includes('Namespace payments-prod:'));
    expect(namespaceSteps).toEqual([
      '[prod-eu] create Namespace payments-prod: running',
      '[prod-eu] create Namespace payments-prod: done',
      '[prod-us] create Namespace payments-prod: running',
      '[prod-us] create Namespace payments-prod: done',
    ]);
    expect(logs[0].message).toMatch(/^Operation op-1: \d+ steps on 2 cluster\(s\)$/);
  });

  it('fails with the operation error when the apply was rolled back', async () => {
    const action = await actionFor({
      clusters: CLUSTERS,
      failApply: { cluster: 'prod-us', kind: 'ResourceQuota', error: 'exceeded quota headroom', outcome: 'compensated' },
    });
    const run: ActionRun = { logs: [], outputs: {} };
    await expect(runAction(action, input, { run })).rejects.toThrow(
      /^Applying tenant payments-prod failed and was rolled back \(operation op-1\): prod-us: \/ResourceQuota\/payments-prod\/.*: exceeded quota headroom$/,
    );
    expect(run.logs).toContainEqual({
      level: 'error',
      message: expect.stringMatching(/^\[prod-us\] create ResourceQuota payments-prod\/\S+: failed: exceeded quota headroom$/),
    });
    expect(run.logs).toContainEqual({ level: 'warn', message: '[prod-eu] create Namespace payments-prod: compensated' });
    expect(run.outputs.status).toBeUndefined();
  });

  it('fails and says a rerun resumes when the operation is left failed', async () => {
    const action = await actionFor({
      clusters: CLUSTERS,
      failApply: { cluster: 'prod-eu', kind: 'LimitRange', error: 'the server is currently unable to handle the request', outcome: 'failed' },
    });
    await expect(runAction(action, input)).rejects.toThrow(
      /^Applying tenant payments-prod failed \(operation op-1\); running the template again resumes it: .*unable to handle the request$/,
    );
  });

  it('does not apply in a dry run: it plans and says so', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    const { outputs, logs } = await runAction(action, input, { isDryRun: true });
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual(['POST /api/kubeyard/tenants?mode=plan']);
    expect(logs[0].message).toBe('Dry run: planning tenant payments-prod instead of applying it; nothing is changed');
    expect(logs).toContainEqual({ level: 'info', message: '[prod-us] create Namespace payments-prod' });
    expect(outputs).toEqual({
      tenant: 'payments-prod',
      entityRef: 'resource:default/payments-prod',
      tenantPath: '/kubeyard/tenants/payments-prod',
      status: 'planned',
    });
  });

  it('applies with wait=false and then polls the operation', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    await runAction(action, input);
    const paths = fake.requests.map(r => `${r.method} ${r.path}`);
    expect(paths[0]).toBe('POST /api/kubeyard/tenants?mode=apply&wait=false');
    expect(paths.slice(1).every(p => p === 'GET /api/kubeyard/tenants/payments-prod/operations/op-1')).toBe(true);
    expect(paths.length).toBeGreaterThan(10);
  });

  it('turns a 409 into a ConflictError while another operation runs', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    const client = new KubeyardClient({ discovery: fake.discovery, fetch });
    await client.applyTenant({ ...input, clusters: CLUSTERS }, { wait: false });
    await expect(runAction(action, input)).rejects.toThrow(ConflictError);
  });

  it('turns a 400 into an InputError with the fields', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    const failure = runAction(action, { ...input, podSecurity: 'privileged' });
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow('- podSecurity: "privileged" is only allowed for environment development');
  });

  it('stops following the operation when the task is cancelled', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    const controller = new AbortController();
    const run: ActionRun = { logs: [], outputs: {} };
    const pending = runAction(action, input, { run, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toThrow('the task was cancelled');
  });
});

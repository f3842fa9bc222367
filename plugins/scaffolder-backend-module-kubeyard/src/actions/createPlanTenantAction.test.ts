import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { exampleInputs } from '../__testUtils__/exampleInputs';
import { FakeKubeyardBackend, startFakeKubeyardBackend } from '../__testUtils__/fakeKubeyardBackend';
import { ActionRun, runAction } from '../__testUtils__/runAction';
import { createPlanTenantAction } from './createPlanTenantAction';
import { examples } from './planTenant.examples';

const CLUSTERS = ['prod-eu', 'prod-us'];

const input = {
  name: 'payments-prod',
  displayName: 'Payments production',
  owner: 'group:default/team-payments',
  clusters: ['resource:default/prod-eu'],
  environment: 'production' as const,
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
  tier: { preset: 's' as const },
};

describe('kubeyard:tenant:plan', () => {
  let fake: FakeKubeyardBackend;
  afterEach(() => fake?.close());

  const actionFor = async (options: Parameters<typeof startFakeKubeyardBackend>[0]) => {
    fake = await startFakeKubeyardBackend(options);
    return createPlanTenantAction({ auth: mockServices.auth(), discovery: fake.discovery });
  };

  it.each(exampleInputs(examples))('runs the example: %s', async (_description, exampleInput) => {
    const action = await actionFor({ clusters: CLUSTERS });
    const { outputs, logs } = await runAction(action, exampleInput);

    const summary = outputs.summary as Record<string, number>;
    expect(summary.create).toBeGreaterThan(0);
    expect(summary).toMatchObject({ update: 0, unchanged: 0, delete: 0 });
    const clusters = (exampleInput.clusters as string[]).map(c => c.replace('resource:default/', ''));
    expect((outputs.plan as { clusters: Array<{ cluster: string }> }).clusters.map(c => c.cluster)).toEqual(clusters);
    for (const cluster of clusters) {
      expect(outputs.markdown).toContain(`#### ${cluster}\n\n\`\`\`diff\n+ Namespace ${exampleInput.name}\n`);
      expect(logs).toContainEqual({ level: 'info', message: `[${cluster}] create Namespace ${exampleInput.name}` });
    }
    expect(logs[0].message).toMatch(new RegExp(`^Plan for tenant ${exampleInput.name}: \\d+ to create, 0 to update`));
  });

  it('calls kubeyard-backend with a token issued on behalf of the task initiator', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    await runAction(action, input, { user: 'user:default/bob' });
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/api/kubeyard/tenants?mode=plan',
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user('user:default/bob'),
          targetPluginId: 'kubeyard',
        })}`,
      },
    ]);
  });

  it('shows what changes on an existing tenant, field by field', async () => {
    const action = await actionFor({ clusters: CLUSTERS, applied: [{ ...input, clusters: ['prod-eu'] }] });
    const { outputs, logs } = await runAction(action, { ...input, tier: { preset: 'm' } });

    // A larger tier changes the quota and the LimitRange fitted to it.
    expect(outputs.summary).toMatchObject({ create: 0, update: 2, delete: 0 });
    expect(outputs.markdown).toContain('~ ResourceQuota payments-prod/');
    expect(outputs.markdown).toContain('~ LimitRange payments-prod/');
    expect(outputs.markdown).toContain('-     spec.hard.pods: 100\n+     spec.hard.pods: 250');
    expect(logs).toContainEqual({ level: 'info', message: '[prod-eu]   spec.hard.pods: 100 → 250' });
  });

  it('says so when nothing changes', async () => {
    const action = await actionFor({ clusters: CLUSTERS, applied: [{ ...input, clusters: ['prod-eu'] }] });
    const { outputs } = await runAction(action, input);
    expect(outputs.markdown).toContain('Nothing to change: every cluster already matches the spec.');
  });

  it('reports an unreachable cluster without failing', async () => {
    const action = await actionFor({ clusters: CLUSTERS, unreachable: ['prod-us'] });
    const { outputs, logs } = await runAction(action, { ...input, clusters: CLUSTERS });
    expect(logs).toContainEqual({ level: 'warn', message: '[prod-us] unreachable, not planned: connect ECONNREFUSED 10.0.0.1:6443' });
    expect(outputs.markdown).toContain('#### prod-us: unreachable\n\n> connect ECONNREFUSED 10.0.0.1:6443');
    expect(outputs.markdown).toContain('1 cluster was unreachable and could not be planned.');
  });

  it.each([false, true])('turns a 400 into an InputError listing every field (Backstage error body: %s)', async withResponse => {
    const action = await actionFor({ clusters: CLUSTERS, errorBodiesWithResponse: withResponse });
    const run: ActionRun = { logs: [], outputs: {} };
    const failure = runAction(action, { ...input, name: 'kube-payments', costCenter: 'cc 1001' }, { run });
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      /^The tenant spec is invalid\n- name: "kube-payments" is reserved: .*\n- costCenter: "cc 1001" cannot be a label value/,
    );
    expect(run.outputs).toEqual({});
  });

  it('names an unknown cluster by its position', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    await expect(runAction(action, { ...input, clusters: ['prod-eu', 'resource:default/prod-ap'] })).rejects.toThrow(
      '- clusters.1: "prod-ap" is not a cluster Kubeyard knows (known: prod-eu, prod-us)',
    );
  });

  it('refuses a catalog ref that is not a cluster before calling the backend', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    await expect(runAction(action, { ...input, clusters: ['group:default/prod-eu'] })).rejects.toThrow(
      'cluster "group:default/prod-eu" is a group',
    );
    expect(fake.requests).toEqual([]);
  });

  it('has an input schema that refuses misspelt fields, as the scaffolder checks it first', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    await expect(runAction(action, { ...input, teir: { preset: 'm' } })).rejects.toThrow(
      /Invalid input passed to action kubeyard:tenant:plan, .*teir/,
    );
    await expect(runAction(action, { ...input, tier: { preset: 'xl' } })).rejects.toThrow(/tier\.preset/);
  });

  it('runs in dry runs, because planning changes nothing', async () => {
    const action = await actionFor({ clusters: CLUSTERS });
    expect(action.supportsDryRun).toBe(true);
    const { outputs } = await runAction(action, input, { isDryRun: true });
    expect(outputs.summary).toMatchObject({ update: 0, delete: 0 });
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseTenantSpec } from '@kubeyard/backstage-plugin-kubeyard-common';
import { validate } from 'jsonschema';
import {
  createApplyTenantAction,
  createBackupNowAction,
  createPlanTenantAction,
  createRestoreDrillAction,
  createScheduleBackupAction,
  createVerifyTenantAction,
} from './actions';
import { FakeKubeyardBackend, startFakeKubeyardBackend } from './__testUtils__/fakeKubeyardBackend';
import { runAction } from './__testUtils__/runAction';
import { toTenantRequest } from './tenants/toTenantRequest';
import { readTemplates, renderValues, TemplateDocument } from './__testUtils__/templateRendering';

// The actions a Backstage 1.55 backend with this repository's modules offers out of the box.
const BUILT_IN_ACTIONS = [
  'notification:send',
  'fetch:plain',
  'fetch:plain:file',
  'fetch:template',
  'fetch:template:file',
  'debug:log',
  'debug:wait',
  'catalog:register',
  'catalog:fetch',
  'catalog:write',
  'fs:delete',
  'fs:rename',
  'fs:readdir',
];

const discovery = { getBaseUrl: async () => 'http://127.0.0.1:1/api/kubeyard' };
const services = { auth: mockServices.auth(), discovery };
const moduleActions = [
  createPlanTenantAction(services),
  createApplyTenantAction(services),
  createVerifyTenantAction(services),
  createScheduleBackupAction(services),
  createBackupNowAction(services),
  createRestoreDrillAction(services),
];
const templates = readTemplates();
const TENANT_TEMPLATES = ['kubernetes-tenant', 'vcluster-tenant'];
const BACKUP_TEMPLATES = ['backup-schedule', 'restore-drill'];

/** Every module action, talking to a fake backend, by id. */
function liveActions(fake: FakeKubeyardBackend): Record<string, TemplateAction<any, any, any>> {
  const live = { auth: mockServices.auth(), discovery: fake.discovery };
  return Object.fromEntries(
    [
      createPlanTenantAction(live),
      createApplyTenantAction({ ...live, pollIntervalMs: 1 }),
      createVerifyTenantAction(live),
      createScheduleBackupAction(live),
      createBackupNowAction({ ...live, pollIntervalMs: 1 }),
      createRestoreDrillAction({ ...live, pollIntervalMs: 1 }),
    ].map(action => [action.id, action]),
  );
}

/** Runs a template's steps in order (honouring `if`) and renders its output. */
async function runTemplate(template: TemplateDocument, parameters: Record<string, unknown>, fake: FakeKubeyardBackend) {
  const actions = liveActions(fake);
  const steps: Record<string, { output: Record<string, unknown> }> = {};
  for (const step of template.spec.steps) {
    if (step.if !== undefined && !renderValues({ v: step.if }, { parameters, steps }).v) continue;
    const input = renderValues(step.input ?? {}, { parameters, steps });
    steps[step.id] = { output: (await runAction(actions[step.action], input)).outputs };
  }
  return { steps, output: renderValues(template.spec.output!, { parameters, steps }) };
}

/** What the form gives for a filled-in template: the pages' defaults, then the sample. */
function formData(template: TemplateDocument, sample: Record<string, unknown>): Record<string, unknown> {
  const defaults = Object.fromEntries(
    template.spec.parameters.flatMap(page =>
      Object.entries(page.properties)
        .filter(([, schema]) => schema.default !== undefined)
        .map(([key, schema]) => [key, schema.default]),
    ),
  );
  return { ...defaults, ...sample };
}

function pageErrors(template: TemplateDocument, parameters: Record<string, unknown>): string[] {
  return template.spec.parameters.flatMap(page =>
    validate(parameters, { type: 'object', required: page.required ?? [], properties: page.properties }).errors.map(
      e => `${page.title}: ${e.stack}`,
    ),
  );
}

function stepInput(template: TemplateDocument, stepId: string, parameters: Record<string, unknown>) {
  const step = template.spec.steps.find(s => s.id === stepId)!;
  return renderValues(step.input ?? {}, { parameters });
}

const minimal = {
  name: 'payments-dev',
  displayName: 'Payments development',
  owner: 'group:default/team-payments',
  environment: 'development',
  costCenter: 'cc-1001',
  contact: 'payments@example.com',
  clusters: ['resource:default/prod-eu'],
};

const full = {
  ...minimal,
  name: 'payments-prod',
  namespace: 'payments-production',
  description: 'Card payments API',
  environment: 'production',
  clusters: ['resource:default/prod-eu', 'resource:default/prod-us'],
  tier: 'm',
  monthlyBudget: 2500,
  budgetCurrency: 'EUR',
  backupTier: 1,
  podSecurity: 'restricted',
  network: {
    internetEgress: true,
    ingressControllerNamespace: 'ingress-nginx',
    allowedNamespaces: [{ namespace: 'payments-db', ports: [{ port: 5432, protocol: 'TCP' }] }],
  },
  allowedRegistries: ['registry.example.com/payments/'],
  admins: ['group:default/team-payments'],
  developers: ['user:default/alice', 'group:default/payments-devs'],
  viewers: ['group:default/auditors'],
  k8sVersion: '1.29.3',
  nodes: 60,
};

describe('Software Templates', () => {
  it('finds the tenant and backup templates and keeps onboard-workload', () => {
    expect([...templates.keys()].sort()).toEqual(expect.arrayContaining([...TENANT_TEMPLATES, ...BACKUP_TEMPLATES, 'onboard-workload']));
  });

  it.each([...templates.keys()])('%s uses only actions the backend has', name => {
    const template = templates.get(name)!;
    expect(template).toMatchObject({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template' });
    const known = [...moduleActions.map(a => a.id), ...BUILT_IN_ACTIONS];
    for (const step of template.spec.steps) expect(known).toContain(step.action);
  });

  describe.each(TENANT_TEMPLATES)('%s', name => {
    const template = templates.get(name)!;
    const isolation = name === 'vcluster-tenant' ? 'vcluster' : 'namespace';
    // Each template only asks for the fields of its page layout.
    const sample = (values: Record<string, unknown>) =>
      formData(
        template,
        Object.fromEntries(
          Object.entries(values).filter(([key]) => template.spec.parameters.some(page => key in page.properties)),
        ),
      );

    it('plans, applies (then schedules backups, for namespace tenants) and verifies in that order', () => {
      const backup = name === 'kubernetes-tenant' ? ['kubeyard:backup:schedule'] : [];
      expect(template.spec.steps.map(s => s.action)).toEqual(['kubeyard:tenant:plan', 'kubeyard:tenant:apply', ...backup, 'kubeyard:tenant:verify']);
    });

    it('gives every parameter a title and every page its required fields', () => {
      for (const page of template.spec.parameters) {
        for (const [key, schema] of Object.entries(page.properties)) {
          expect({ key, title: schema.title }).toEqual({ key, title: expect.any(String) });
        }
        for (const key of page.required ?? []) expect(Object.keys(page.properties)).toContain(key);
      }
    });

    it.each([
      ['minimal', minimal],
      ['full', full],
    ])('renders %s parameters into input the actions and parseTenantSpec accept', (_label, values) => {
      const parameters = sample(values);
      expect(pageErrors(template, parameters)).toEqual([]);

      for (const stepId of ['plan', 'apply']) {
        const input = stepInput(template, stepId, parameters);
        const action = moduleActions.find(a => a.id === `kubeyard:tenant:${stepId}`)!;
        expect(validate(input, action.schema!.input!).errors.map(e => e.stack)).toEqual([]);
        const parsed = parseTenantSpec(toTenantRequest(input as Parameters<typeof toTenantRequest>[0]));
        const optional =
          values === full
            ? {
                monthlyBudget: { amount: 2500, currency: 'EUR' },
                developers: full.developers,
                namespace: 'payments-production',
              }
            : { developers: [] };
        // Empty optional fields must be left out, not sent empty.
        const absent = values === full ? [] : ['monthlyBudget', 'namespace', 'description'];
        expect(absent.filter(key => parsed.success && key in parsed.spec)).toEqual([]);
        expect(parsed).toMatchObject({
          success: true,
          spec: {
            name: values.name,
            isolation,
            clusters: (values.clusters as string[]).map(ref => ref.replace('resource:default/', '')),
            owner: values.owner,
            ...optional,
          },
        });
      }
      expect(stepInput(template, 'verify', parameters)).toEqual({ name: values.name });
    });

    // The name pattern gives the form's early answer; parseTenantSpec has the final word.
    it.each([
      'payments',
      'a',
      'kube',
      'defaults',
      '9lives',
      'default',
      'kube-system',
      'kubeyard-db',
      'openshift-x',
      'Payments',
      '-payments',
      'payments-',
      'pay_ments',
      'a'.repeat(52),
      'a'.repeat(53),
      'a'.repeat(63),
      'a'.repeat(64),
    ])('agrees with the TenantSpec schema on the name %s', tenantName => {
      const schema = template.spec.parameters[0].properties.name as { pattern: string; maxLength: number };
      const formAccepts = new RegExp(schema.pattern, 'u').test(tenantName) && tenantName.length <= schema.maxLength;
      const input = stepInput(template, 'plan', sample({ ...minimal, name: tenantName }));
      const parsed = parseTenantSpec(toTenantRequest(input as Parameters<typeof toTenantRequest>[0]));
      const specAccepts = parsed.success || !parsed.errors.some(e => e.field === 'name');
      expect({ tenantName, formAccepts }).toEqual({ tenantName, formAccepts: specAccepts });
    });

    describe('against kubeyard-backend', () => {
      let fake: FakeKubeyardBackend;
      afterEach(() => fake?.close());

      it('runs end to end and links the tenant page and entity', async () => {
        fake = await startFakeKubeyardBackend({ clusters: ['prod-eu', 'prod-us'] });
        const { steps, output } = await runTemplate(template, sample(full), fake);
        if (name === 'kubernetes-tenant') {
          expect(steps.backup.output).toMatchObject({ tier: 1, results: [{ cluster: 'prod-eu', result: 'created' }, { cluster: 'prod-us', result: 'created' }] });
        }
        expect(output.links).toEqual([
          expect.objectContaining({ url: '/kubeyard/tenants/payments-prod' }),
          expect.objectContaining({ entityRef: 'resource:default/payments-prod' }),
        ]);
        expect(output.text![0].content).toContain('**Tenant `payments-prod`** on 2 clusters');
        expect(output.text![1].content).toMatch(/^\*\*14\*\* checks passed, \*\*0\*\* failed\./);
      });
    });
  });

  describe('backup-schedule', () => {
    const template = templates.get('backup-schedule')!;
    let fake: FakeKubeyardBackend | undefined;
    afterEach(async () => {
      await fake?.close();
      fake = undefined;
    });

    it.each<[Record<string, unknown>, string[]]>([
      [{ tenant: 'payments-prod' }, ['schedule']],
      [{ tenant: 'payments-prod', backupNow: true }, ['schedule', 'backup']],
    ])('renders %j into valid input and runs steps %j', async (values, ran) => {
      const parameters = formData(template, values);
      expect(pageErrors(template, parameters)).toEqual([]);
      const action = moduleActions.find(a => a.id === 'kubeyard:backup:schedule')!;
      expect(validate(stepInput(template, 'schedule', parameters), action.schema!.input!).errors).toEqual([]);
      fake = await startFakeKubeyardBackend({ clusters: ['prod-eu'], applied: [{ ...minimal, name: 'payments-prod', clusters: ['prod-eu'], backupTier: 4 }] as any });
      const { steps, output } = await runTemplate(template, parameters, fake!);
      expect(Object.keys(steps)).toEqual(ran);
      expect(output.text![0].content).toContain('Tenant `payments-prod` (backup tier 4)');
      if (values.backupNow) expect(steps.backup.output).toMatchObject({ outcome: 'Completed' });
    });
  });

  describe('restore-drill', () => {
    const template = templates.get('restore-drill')!;
    let fake: FakeKubeyardBackend | undefined;
    afterEach(async () => {
      await fake?.close();
      fake = undefined;
    });

    it('renders the picker ref into input the action accepts and reports the RTO', async () => {
      const parameters = formData(template, { cluster: 'resource:default/prod-eu', namespace: 'payments-prod' });
      expect(pageErrors(template, parameters)).toEqual([]);
      const action = moduleActions.find(a => a.id === 'kubeyard:backup:restore-drill')!;
      expect(validate(stepInput(template, 'drill', parameters), action.schema!.input!).errors).toEqual([]);
      fake = await startFakeKubeyardBackend({ clusters: ['prod-eu'], applied: [{ ...minimal, name: 'payments-prod', clusters: ['prod-eu'], backupTier: 3 }] as any });
      const { output } = await runTemplate(template, parameters, fake!);
      expect(output.text![0].content).toBe("Restored in **2m** against the tier's RTO of **24h**: compliant.");
    });

    it('keeps the form and the backend in agreement on the namespace length', () => {
      const schema = template.spec.parameters[0].properties.namespace as { maxLength: number };
      expect(schema.maxLength).toBe(63 - '-restored'.length);
    });
  });
});

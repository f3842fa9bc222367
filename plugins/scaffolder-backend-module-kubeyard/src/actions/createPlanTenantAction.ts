import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod';
import { callBackend } from '../tenants/backendErrors';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { logPlan } from '../tenants/logPlan';
import { planMarkdown } from '../tenants/planMarkdown';
import { scaffolderSchema, ScaffolderZod } from '../tenants/scaffolderZod';
import { tenantActionInputShape } from '../tenants/tenantActionInput';
import { toTenantRequest } from '../tenants/toTenantRequest';
import { examples } from './planTenant.examples';

/** Object counts per action, as TenantPlan.summary. */
function planSummarySchema(z: ScaffolderZod) {
  return z
    .object({
      create: z.number().describe('Objects that would be created'),
      update: z.number().describe('Objects that would be changed'),
      unchanged: z.number().describe('Objects already as the spec wants them'),
      delete: z.number().describe('Objects that would be deleted'),
    })
    .describe('How many objects the plan creates, updates, leaves unchanged and deletes, over all clusters');
}

/** The TenantPlan returned by POST /api/kubeyard/tenants?mode=plan. */
function tenantPlanSchema(z: ScaffolderZod) {
  const object = z.object({
    key: z.string().describe('manifestKey: group/Kind/namespace/name'),
    apiVersion: z.string().describe('apiVersion of the object'),
    kind: z.string().describe('Kind of the object'),
    namespace: z.string().optional().describe('Namespace; absent for cluster-scoped objects'),
    name: z.string().describe('Name of the object'),
    action: z.enum(['create', 'update', 'unchanged', 'delete']).describe('What applying does to the object'),
    diff: z
      .array(
        z.object({
          path: z.string().describe('Field path, e.g. spec.hard.pods'),
          before: z.unknown().optional().describe('Live value'),
          after: z.unknown().optional().describe('Value after applying'),
        }),
      )
      .optional()
      .describe('Changed fields (updates only)'),
  });
  return z
    .object({
      tenant: z.string().describe('Tenant name'),
      spec: z.record(z.unknown()).describe('The validated spec, defaults filled in'),
      clusters: z
        .array(
          z.object({
            cluster: z.string().describe('Cluster name'),
            reachable: z.boolean().describe('False when the cluster could not be planned'),
            error: z.string().optional().describe('Why the cluster could not be reached'),
            objects: z.array(object).describe('Objects of the tenant on this cluster'),
          }),
        )
        .describe('The plan per cluster'),
      summary: planSummarySchema(z),
    })
    .describe('The full plan, per cluster and object');
}

/** The `kubeyard:tenant:plan` action: what applying a tenant spec would change, per cluster. */
export function createPlanTenantAction(services: KubeyardActionServices) {
  return createTemplateAction({
    id: 'kubeyard:tenant:plan',
    description:
      'Plans a Kubeyard tenant: validates the spec and dry-runs every object on every cluster (server-side), listing what applying would create, update or delete. Changes nothing, so it also runs in dry runs.',
    examples,
    supportsDryRun: true,
    schema: {
      input: scaffolderSchema(zod.object(tenantActionInputShape).strict()),
      output: z =>
        z.object({
          summary: planSummarySchema(z),
          plan: tenantPlanSchema(z),
          markdown: z.string().describe('The plan as markdown, a diff block per cluster, for the template output text'),
        }),
    },
    async handler(ctx) {
      const client = await initiatorClient(ctx, services);
      const plan = await callBackend(() => client.planTenant(toTenantRequest(ctx.input)));
      logPlan(ctx.logger, plan);
      ctx.output('summary', plan.summary);
      ctx.output('plan', plan);
      ctx.output('markdown', planMarkdown(plan));
    },
  });
}

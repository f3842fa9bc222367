import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod';
import { callBackend } from '../tenants/backendErrors';
import { followOperation } from '../tenants/followOperation';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { logPlan } from '../tenants/logPlan';
import { scaffolderSchema } from '../tenants/scaffolderZod';
import { tenantActionInputShape } from '../tenants/tenantActionInput';
import { tenantEntityRef, tenantPagePath } from '../tenants/tenantLinks';
import { toTenantRequest } from '../tenants/toTenantRequest';
import { examples } from './applyTenant.examples';

/** Options of the apply action; the defaults suit production, tests shorten the interval. */
export interface ApplyTenantActionOptions extends KubeyardActionServices {
  /** How often the operation is polled (default 1000 ms). */
  pollIntervalMs?: number;
}

/** The `kubeyard:tenant:apply` action: applies a tenant spec and follows the operation to its end. */
export function createApplyTenantAction(options: ApplyTenantActionOptions) {
  const { pollIntervalMs = 1000, ...services } = options;
  return createTemplateAction({
    id: 'kubeyard:tenant:apply',
    description:
      'Creates or updates a Kubeyard tenant on its clusters (server-side apply) and logs every object as it is applied. Fails with the operation error when the apply fails or is rolled back. In a dry run it only plans.',
    examples,
    supportsDryRun: true,
    schema: {
      input: scaffolderSchema(
        zod
          .object({
            ...tenantActionInputShape,
            timeoutMinutes: zod
              .number()
              .positive()
              .default(30)
              .describe('How long to follow the operation before failing the step (default 30); the operation itself carries on'),
          })
          .strict(),
      ),
      output: z =>
        z.object({
          operationId: z.string().optional().describe('Id of the apply operation (absent in a dry run)'),
          tenant: z.string().describe('Tenant name'),
          status: z
            .enum(['succeeded', 'planned'])
            .describe('succeeded once every step is done; planned in a dry run, where nothing is applied'),
          entityRef: z.string().describe('Catalog entity ref of the tenant, resource:default/<name>'),
          tenantPath: z.string().describe('Path of the tenant page in Backstage, /kubeyard/tenants/<name>'),
        }),
    },
    async handler(ctx) {
      const { timeoutMinutes = 30, ...fields } = ctx.input;
      const request = toTenantRequest(fields);
      const client = await initiatorClient(ctx, services);
      ctx.output('tenant', request.name);
      ctx.output('entityRef', tenantEntityRef(request.name));
      ctx.output('tenantPath', tenantPagePath(request.name));

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: planning tenant ${request.name} instead of applying it; nothing is changed`);
        logPlan(ctx.logger, await callBackend(() => client.planTenant(request)));
        ctx.output('status', 'planned');
        return;
      }

      // A recovered task resumes following the same operation instead of starting another.
      const operationId = await ctx.checkpoint({
        key: `kubeyard.tenant.apply.${request.name}`,
        fn: async () => (await callBackend(() => client.applyTenant(request, { wait: false }))).id,
      });
      ctx.output('operationId', operationId);
      const first = await callBackend(() => client.getOperation(request.name, operationId));
      const operation = await followOperation(client, first, ctx.logger, {
        intervalMs: pollIntervalMs,
        timeoutMs: timeoutMinutes * 60_000,
        signal: ctx.signal,
      });
      if (operation.status === 'compensated') {
        throw new Error(
          `Applying tenant ${request.name} failed and was rolled back (operation ${operation.id}): ${operation.error ?? 'no reason given'}`,
        );
      }
      if (operation.status === 'failed') {
        throw new Error(
          `Applying tenant ${request.name} failed (operation ${operation.id}); running the template again resumes it: ${
            operation.error ?? 'no reason given'
          }`,
        );
      }
      ctx.logger.info(`Tenant ${request.name} applied on ${new Set(operation.steps.map(s => s.cluster)).size} cluster(s)`);
      ctx.output('status', 'succeeded');
    },
  });
}

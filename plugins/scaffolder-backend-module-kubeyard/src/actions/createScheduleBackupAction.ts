import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { logScheduleResult, scheduleSummary } from '../backups/logScheduleResult';
import { callBackend } from '../tenants/backendErrors';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { examples } from './scheduleBackup.examples';

/** The `kubeyard:backup:schedule` action: the tenant's Velero Schedules from its backup tier, idempotently. */
export function createScheduleBackupAction(services: KubeyardActionServices) {
  return createTemplateAction({
    id: 'kubeyard:backup:schedule',
    description:
      "Puts a tenant's Velero Schedules in place on each of its clusters, from its backup tier: daily at 02:00 (kept 30 days), weekly full (kept 90 days), and hourly or every 5 minutes when the tier's RPO needs it. Running it again changes nothing. Logs every Schedule as created, updated (with the changed fields), unchanged or deleted; in a dry run only reports.",
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z
          .object({
            tenant: z.string().min(1).describe('Name of the tenant (its backup tier and clusters come from Kubeyard)'),
            dryRun: z.boolean().default(false).describe('Only report what would change (server-side dry run); also implied by a dry run of the template'),
          })
          .strict(),
      output: z =>
        z.object({
          tier: z.number().optional().describe('The backup tier the Schedules follow (absent when the tenant does not exist yet in a dry run)'),
          results: z
            .array(
              z.object({
                cluster: z.string().describe('Cluster name'),
                result: z.enum(['created', 'updated', 'unchanged', 'error']).describe('What happened on the cluster'),
                schedules: z
                  .array(
                    z.object({
                      name: z.string().describe('Schedule name'),
                      action: z.enum(['create', 'update', 'unchanged', 'delete']).describe('What was (or would be) done'),
                      cron: z.string().optional().describe('spec.schedule'),
                      ttl: z.string().optional().describe('How long its backups are kept'),
                    }),
                  )
                  .describe('Every Schedule of the tenant on the cluster'),
                error: z.string().optional().describe('Why the cluster failed'),
              }),
            )
            .describe('Per cluster: the outcome and each Schedule'),
          summary: z.string().describe('Markdown summary, one line per cluster'),
        }),
    },
    async handler(ctx) {
      const { tenant, dryRun = false } = ctx.input;
      const client = await initiatorClient(ctx, services);
      const preview = dryRun || ctx.isDryRun;
      if (preview) ctx.logger.info(`Dry run: showing what would change for tenant ${tenant}; nothing is written`);
      let result;
      try {
        result = await callBackend(() => client.scheduleTenantBackups(tenant, { dryRun: preview }));
      } catch (error) {
        // A template that creates the tenant only plans it in a dry run: there is nothing to schedule yet.
        if (!(ctx.isDryRun && error instanceof NotFoundError)) throw error;
        ctx.logger.info(`Dry run: tenant ${tenant} does not exist yet; its Schedules are created once it is applied`);
        ctx.output('results', []);
        ctx.output('summary', `Tenant \`${tenant}\` does not exist yet: its backup Schedules are created when it is applied.`);
        return;
      }
      logScheduleResult(ctx.logger, result);
      ctx.output('tier', result.tier);
      ctx.output(
        'results',
        result.clusters.map(c => ({
          cluster: c.cluster,
          result: c.result,
          schedules: c.schedules.map(s => ({ name: s.name, action: s.action, ...(s.cron ? { cron: s.cron } : {}), ...(s.ttl ? { ttl: s.ttl } : {}) })),
          ...(c.error ? { error: c.error } : {}),
        })),
      );
      ctx.output('summary', scheduleSummary(result));
      const failed = result.clusters.filter(c => c.result === 'error');
      if (failed.length > 0) {
        throw new Error(`Backup schedules of tenant ${tenant} failed on ${failed.map(c => `${c.cluster}: ${c.error ?? 'no reason given'}`).join('; ')}`);
      }
    },
  });
}

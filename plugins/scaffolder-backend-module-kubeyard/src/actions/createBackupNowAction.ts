import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { TenantBackupOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { backupFailures, backupProgressLine } from '../backups/backupProgress';
import { changeLogger, pollUntil } from '../backups/pollUntil';
import { callBackend } from '../tenants/backendErrors';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { clusterNameOf } from '../tenants/toTenantRequest';
import { examples } from './backupNow.examples';

/** Options of the backup action; tests shorten the poll interval. */
export interface BackupNowActionOptions extends KubeyardActionServices {
  /** How often the backup is polled (default 2000 ms). */
  pollIntervalMs?: number;
}

/** The `kubeyard:backup:now` action: an on-demand Velero Backup of a tenant, followed to its final phase. */
export function createBackupNowAction(options: BackupNowActionOptions) {
  const { pollIntervalMs = 2000, ...services } = options;
  return createTemplateAction({
    id: 'kubeyard:backup:now',
    description:
      "Backs up a tenant's namespace now (a Velero Backup on each of its clusters, or one) and logs the progress until every Backup is in a final phase. Fails the step on Failed or FailedValidation; PartiallyFailed is a warning.",
    examples,
    schema: {
      input: z =>
        z
          .object({
            tenant: z.string().min(1).describe('Name of the tenant to back up'),
            cluster: z.string().min(1).optional().describe('Only this cluster: a name (prod-eu) or the catalog ref of its Resource; all of the tenant\'s clusters when absent'),
            wait: z.boolean().default(true).describe('Follow the backup to its final phase (default true); false only starts it'),
            timeoutMinutes: z.number().positive().default(60).describe('How long to follow it before failing the step (default 60); the backup carries on'),
          })
          .strict(),
      output: z =>
        z.object({
          backupName: z.string().describe('Name of the Backup, the same on every cluster'),
          outcome: z.string().optional().describe('The worst final phase (Completed, PartiallyFailed, Failed, FailedValidation); absent with wait false'),
          clusters: z.array(z.string()).describe('Clusters backed up'),
        }),
    },
    async handler(ctx) {
      const { tenant, cluster, wait = true, timeoutMinutes = 60 } = ctx.input;
      const client = await initiatorClient(ctx, services);
      const request = cluster ? { cluster: clusterNameOf(cluster) } : {};
      // A recovered task follows the same backup instead of starting another.
      const id = await ctx.checkpoint({
        key: `kubeyard.backup.now.${tenant}.${request.cluster ?? '*'}`,
        fn: async () => (await callBackend(() => client.backupTenant(tenant, request))).id,
      });
      ctx.output('backupName', id);
      const first = await callBackend(() => client.getTenantBackup(tenant, id));
      ctx.output('clusters', first.clusters.map(c => c.cluster));
      ctx.logger.info(`Backup ${id} of tenant ${tenant} started on ${first.clusters.map(c => c.cluster).join(', ')}`);
      if (!wait) return;
      const log = changeLogger(line => ctx.logger.info(line));
      const done = await pollUntil<TenantBackupOperation>(
        first,
        () => client.getTenantBackup(tenant, id),
        op => op.done,
        op => op.clusters.forEach(c => log(c.cluster, backupProgressLine(c))),
        { intervalMs: pollIntervalMs, timeoutMs: timeoutMinutes * 60_000, signal: ctx.signal, what: `backup ${id} of tenant ${tenant}` },
      );
      ctx.output('outcome', done.outcome);
      if (done.outcome === 'Failed' || done.outcome === 'FailedValidation') {
        throw new Error(`Backup ${id} of tenant ${tenant} ended ${done.outcome}: ${backupFailures(done)}`);
      }
      if (done.outcome === 'PartiallyFailed') {
        ctx.logger.warn(`Backup ${id} of tenant ${tenant} PartiallyFailed: ${backupFailures(done)}; run \`velero backup logs ${id}\` for the items that failed`);
        return;
      }
      ctx.logger.info(`Backup ${id} of tenant ${tenant} Completed: ${done.progress.itemsBackedUp} items`);
    },
  });
}

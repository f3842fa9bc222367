import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { RestoreDrillOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { drillProgressLine, durationText } from '../backups/drillProgress';
import { changeLogger, pollUntil } from '../backups/pollUntil';
import { callBackend } from '../tenants/backendErrors';
import { initiatorClient, KubeyardActionServices } from '../tenants/initiatorClient';
import { clusterNameOf } from '../tenants/toTenantRequest';
import { examples } from './restoreDrill.examples';

/** Options of the drill action; tests shorten the poll interval. */
export interface RestoreDrillActionOptions extends KubeyardActionServices {
  /** How often the drill is polled (default 2000 ms). */
  pollIntervalMs?: number;
}

/** The `kubeyard:backup:restore-drill` action: restores a namespace's newest backup beside it and measures the RTO. */
export function createRestoreDrillAction(options: RestoreDrillActionOptions) {
  const { pollIntervalMs = 2000, ...services } = options;
  return createTemplateAction({
    id: 'kubeyard:backup:restore-drill',
    description:
      "Restores the newest Completed backup of a tenant namespace into <namespace>-restored (Velero namespaceMapping; Ingresses, HTTPRoutes and CronJobs are not restored, so the copy neither serves production hostnames nor runs production schedules), waits for the restore and for the restored pods to be Ready, records the measured RTO against the tenant's backup tier, and deletes the copy unless told to keep it. Fails the step when the restore fails or times out; an RTO over the tier's is a warning.",
    examples,
    schema: {
      input: z =>
        z
          .object({
            cluster: z.string().min(1).describe('The cluster: a name (prod-eu) or the catalog ref of its Resource (resource:default/prod-eu)'),
            namespace: z.string().min(1).describe('The tenant namespace to restore'),
            keep: z.boolean().default(false).describe('Keep <namespace>-restored after the drill (default false)'),
            backupName: z.string().min(1).optional().describe('The Backup to restore; the newest Completed one covering the namespace when absent'),
            timeoutMinutes: z.number().positive().default(120).describe('How long to follow the drill before failing the step (default 120); the drill carries on'),
          })
          .strict(),
      output: z =>
        z.object({
          drillId: z.string().describe('The drill, <cluster>/<restore name>'),
          restoreName: z.string().describe('Name of the Velero Restore'),
          backupName: z.string().optional().describe('The Backup restored'),
          phase: z.string().optional().describe('The Restore\'s final phase'),
          rtoMs: z.number().optional().describe('Measured RTO in ms: the Restore created to Completed and every restored pod Ready'),
          rto: z.string().describe('The measured RTO, readable (e.g. 2m), or unknown'),
          tierRtoMs: z.number().optional().describe("The RTO of the tenant's backup tier, in ms"),
          tierRto: z.string().describe("The tier's RTO, readable"),
          compliant: z.boolean().describe("Whether the drill restored within the tier's RTO"),
        }),
    },
    async handler(ctx) {
      const { namespace, keep = false, backupName, timeoutMinutes = 120 } = ctx.input;
      const cluster = clusterNameOf(ctx.input.cluster);
      const client = await initiatorClient(ctx, services);
      const id = await ctx.checkpoint({
        key: `kubeyard.backup.restore-drill.${cluster}.${namespace}`,
        fn: async () => (await callBackend(() => client.startRestoreDrill({ cluster, namespace, keep, ...(backupName ? { backupName } : {}) }))).id,
      });
      ctx.output('drillId', id);
      const first = await callBackend(() => client.getRestoreDrill(id));
      ctx.output('restoreName', first.restoreName);
      ctx.logger.info(`Restore drill of ${namespace} on ${cluster}: restoring Backup ${first.backupName ?? '(newest)'} into ${first.restoredNamespace}`);
      const log = changeLogger(line => ctx.logger.info(line));
      const done = await pollUntil<RestoreDrillOperation>(
        first,
        () => client.getRestoreDrill(id),
        drill => drill.stage === 'done',
        drill => log('drill', drillProgressLine(drill)),
        { intervalMs: pollIntervalMs, timeoutMs: timeoutMinutes * 60_000, signal: ctx.signal, what: `restore drill ${id}` },
      );
      const record = done.record!;
      ctx.output('backupName', done.backupName);
      ctx.output('phase', done.phase);
      ctx.output('rtoMs', record.rtoMs);
      ctx.output('rto', durationText(record.rtoMs));
      ctx.output('tierRtoMs', record.tierRtoMs);
      ctx.output('tierRto', durationText(record.tierRtoMs));
      ctx.output('compliant', record.compliant);
      ctx.logger.info(`Restored namespace ${done.restoredNamespace}: ${record.cleanup ?? 'left as it is'}`);
      if (record.timedOut) {
        throw new Error(`Restore drill ${id} timed out: the Restore was still ${done.phase ?? 'New'}; ${done.restoredNamespace} is removed once it ends`);
      }
      if (done.phase !== 'Completed' && done.phase !== 'PartiallyFailed') {
        const reasons = [done.failureReason, ...(done.validationErrors ?? [])].filter(Boolean).join('; ');
        throw new Error(`Restore drill ${id} failed: the Restore ended ${done.phase ?? 'without a phase'}${reasons ? `: ${reasons}` : ''}`);
      }
      const verdict = `RTO ${durationText(record.rtoMs)} against tier ${record.tier ?? '?'}'s ${durationText(record.tierRtoMs)}`;
      if (record.compliant) ctx.logger.info(`Restore drill ${id} passed: ${verdict}`);
      else ctx.logger.warn(`Restore drill ${id} is not compliant: ${verdict}${done.phase === 'PartiallyFailed' ? ', and the Restore PartiallyFailed' : ''}`);
    },
  });
}

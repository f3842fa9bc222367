import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TenantScheduleResult } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Logs every Schedule of every cluster with its action, changed fields and errors, then the tier's findings. */
export function logScheduleResult(logger: LoggerService, result: TenantScheduleResult): void {
  for (const cluster of result.clusters) {
    if (cluster.schedules.length === 0 && cluster.error) logger.error(`[${cluster.cluster}] ${cluster.error}`);
    for (const s of cluster.schedules) {
      const what = s.cron ? ` (${s.cron}, kept ${s.ttl})` : '';
      const line = `[${cluster.cluster}] ${s.action} Schedule ${s.namespace}/${s.name}${what}`;
      if (s.error) logger.error(`${line}: ${s.error}`);
      else logger.info(line);
      for (const change of s.diff ?? []) logger.info(`    ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
    }
  }
  for (const finding of result.findings) logger.warn(`${finding.message}. ${finding.fix ?? ''}`.trim());
}

/** One Markdown line per cluster, for the template's output text. */
export function scheduleSummary(result: TenantScheduleResult): string {
  const verb = result.dryRun ? 'would be' : 'are';
  const lines = result.clusters.map(c => `- **${c.cluster}**: ${c.result}${c.error ? ` (${c.error})` : ''} — ${c.schedules.map(s => `${s.name} ${s.action}`).join(', ')}`);
  return [`Tenant \`${result.tenant}\` (backup tier ${result.tier}): its Schedules ${verb} in place on ${result.clusters.length} cluster(s).`, ...lines].join('\n');
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TenantPlan } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatValue, objectLabel, summaryText } from './planText';

/** Writes a plan to the task log: the totals, then every object and changed field per cluster. */
export function logPlan(logger: LoggerService, plan: TenantPlan): void {
  logger.info(`Plan for tenant ${plan.tenant}: ${summaryText(plan.summary)}`);
  for (const cluster of plan.clusters) {
    if (!cluster.reachable) {
      logger.warn(`[${cluster.cluster}] unreachable, not planned: ${cluster.error ?? 'no answer'}`);
      continue;
    }
    logger.info(`[${cluster.cluster}] ${cluster.objects.length} objects`);
    for (const object of cluster.objects) {
      logger.info(`[${cluster.cluster}] ${object.action} ${objectLabel(object)}`);
      for (const change of object.diff ?? []) {
        logger.info(`[${cluster.cluster}]   ${change.path}: ${formatValue(change.before)} → ${formatValue(change.after)}`);
      }
    }
  }
}

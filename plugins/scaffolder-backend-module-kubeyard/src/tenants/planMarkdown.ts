import type { ClusterPlan, ObjectAction, TenantPlan } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatValue, objectLabel, summaryText } from './planText';

// Unified-diff markers, so that the template's output text colours the plan.
const MARKER: Record<ObjectAction, string> = { create: '+', update: '~', unchanged: ' ', delete: '-' };

function clusterSection(cluster: ClusterPlan): string {
  if (!cluster.reachable) {
    return `#### ${cluster.cluster}: unreachable\n\n> ${cluster.error ?? 'the cluster did not answer'}`;
  }
  const lines = cluster.objects.flatMap(object => [
    `${MARKER[object.action]} ${objectLabel(object)}`,
    ...(object.diff ?? []).flatMap(change => [
      `-     ${change.path}: ${formatValue(change.before)}`,
      `+     ${change.path}: ${formatValue(change.after)}`,
    ]),
  ]);
  return [`#### ${cluster.cluster}`, '', '```diff', ...lines, '```'].join('\n');
}

/**
 * The plan as markdown for the template's output text: the totals, then per cluster a diff
 * block with one line per object (+ create, ~ update, - delete) and each changed field.
 */
export function planMarkdown(plan: TenantPlan): string {
  const changes = plan.summary.create + plan.summary.update + plan.summary.delete;
  const unreachable = plan.clusters.filter(c => !c.reachable).length;
  const headline = `**Tenant \`${plan.tenant}\`** on ${plan.clusters.length} cluster${
    plan.clusters.length === 1 ? '' : 's'
  }: ${summaryText(plan.summary)}.`;
  const notes = [
    changes === 0 && unreachable === 0 ? 'Nothing to change: every cluster already matches the spec.' : undefined,
    unreachable > 0 ? `${unreachable} cluster${unreachable === 1 ? ' was' : 's were'} unreachable and could not be planned.` : undefined,
  ].filter((n): n is string => n !== undefined);
  return [[headline, ...notes].join(' '), ...plan.clusters.map(clusterSection)].join('\n\n');
}

import type { TenantPlan } from '@kubeyard/backstage-plugin-kubeyard-common';
import { planMarkdown } from './planMarkdown';

function plan(clusters: TenantPlan['clusters']): TenantPlan {
  const summary = { create: 0, update: 0, unchanged: 0, delete: 0 };
  for (const object of clusters.flatMap(c => c.objects)) summary[object.action] += 1;
  return { tenant: 'payments', spec: {} as TenantPlan['spec'], clusters, summary };
}

const base = { apiVersion: 'v1', namespace: 'payments' };

describe('planMarkdown', () => {
  it('writes a diff block per cluster with every object and changed field', () => {
    const markdown = planMarkdown(
      plan([
        {
          cluster: 'prod-eu',
          reachable: true,
          objects: [
            { ...base, key: '/Namespace//payments', kind: 'Namespace', namespace: undefined, name: 'payments', action: 'unchanged' },
            {
              ...base,
              key: '/ResourceQuota/payments/tenant-quota',
              kind: 'ResourceQuota',
              name: 'tenant-quota',
              action: 'update',
              diff: [
                { path: 'spec.hard.pods', before: '100', after: '250' },
                { path: 'metadata.labels.extra', after: { a: 1 } },
              ],
            },
            { ...base, key: '/ConfigMap/payments/old', kind: 'ConfigMap', name: 'old', action: 'delete' },
          ],
        },
        { cluster: 'prod-us', reachable: false, error: 'connect ECONNREFUSED', objects: [] },
      ]),
    );
    expect(markdown).toBe(
      [
        '**Tenant `payments`** on 2 clusters: 0 to create, 1 to update, 1 unchanged, 1 to delete. 1 cluster was unreachable and could not be planned.',
        '',
        '#### prod-eu',
        '',
        '```diff',
        '  Namespace payments',
        '~ ResourceQuota payments/tenant-quota',
        '-     spec.hard.pods: 100',
        '+     spec.hard.pods: 250',
        '-     metadata.labels.extra: (none)',
        '+     metadata.labels.extra: {"a":1}',
        '- ConfigMap payments/old',
        '```',
        '',
        '#### prod-us: unreachable',
        '',
        '> connect ECONNREFUSED',
      ].join('\n'),
    );
  });

  it('says when there is nothing to change', () => {
    const markdown = planMarkdown(
      plan([
        {
          cluster: 'dev',
          reachable: true,
          objects: [{ ...base, key: '/Namespace//payments', kind: 'Namespace', name: 'payments', action: 'unchanged' }],
        },
      ]),
    );
    expect(markdown.split('\n')[0]).toBe(
      '**Tenant `payments`** on 1 cluster: 0 to create, 0 to update, 1 unchanged, 0 to delete. Nothing to change: every cluster already matches the spec.',
    );
  });
});

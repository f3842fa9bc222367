import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { entityBackupsCard } from '../../extensions';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import type { RestoreView } from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeDrillRto, EntityBackupsCard } from './EntityBackupsCard';

function entity(kind: string, name: string, spec: Entity['spec'] = { type: 'service' }): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name, namespace: 'default' }, spec };
}

function renderCard(e: Entity, api = new MockKubeyardApi()) {
  return renderWithApi(
    <EntityProvider entity={e}>
      <EntityBackupsCard />
    </EntityProvider>,
    { api },
  );
}

describe('EntityBackupsCard', () => {
  it('shows partial coverage with the uncovered workload, RPO status with tier, newest backup and the last drill', async () => {
    await renderCard(entity('Component', 'checkout'));
    expect(await screen.findByText('partial')).toBeInTheDocument();
    expect(screen.getByText('checkout-prod on prod-eu-west')).toBeInTheDocument();
    expect(screen.getByText(/Deployment checkout-worker/)).toBeInTheDocument();
    expect(screen.getByText('RPO, tier 3')).toBeInTheDocument();
    expect(screen.getByText('not compliant').closest('[data-tone]')).toHaveAttribute('data-tone', 'error');
    expect(screen.getByText(/RPO 1 h, RTO 24 h; schedules run every 24 h at most/)).toBeInTheDocument();
    expect(screen.getByText('10 h ago')).toBeInTheDocument();
    expect(screen.getByText(/its schedules run too rarely/)).toBeInTheDocument();
    expect(screen.getByText(/checkout-drill-1 on prod-eu-west, Completed, 47 h ago; RTO measured 14 min \(within tier 3's 24 h\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All backups/ })).toHaveAttribute('href', '/kubeyard/backups');
  });

  it('explains the backup-tier annotation when the entity has none', async () => {
    const api = new MockKubeyardApi({
      coverage: {
        'component:default/untiered': {
          namespaces: [{ cluster: 'prod-eu-west', namespace: 'shop', status: 'covered', schedules: ['daily'], uncoveredWorkloads: [], workloadCount: 1 }],
          ignoredSchedules: [],
        },
      },
    });
    await renderCard(entity('Component', 'untiered'), api);
    expect(await screen.findByText('covered')).toBeInTheDocument();
    expect(screen.getByText(/No backup tier: add the annotation/)).toHaveTextContent('kubeyard.io/backup-tier');
    expect(screen.getByText(/No restore drill yet/)).toBeInTheDocument();
  });

  it('shows an empty state for an entity found on no cluster', async () => {
    await renderCard(entity('Component', 'nowhere'));
    expect(await screen.findByText('No namespaces to back up')).toBeInTheDocument();
    expect(screen.getByText(/kubeyard.io\/backup-tier: "1"…"4"/)).toBeInTheDocument();
  });

  it('shows the error the backend answers', async () => {
    await renderCard(entity('Component', 'checkout'), new MockKubeyardApi({}, new Error('backup tier "gold" does not exist')));
    expect(await screen.findAllByText(/backup tier "gold" does not exist/)).not.toHaveLength(0);
  });

  it('is offered on Components and tenant Resources only', () => {
    const filter = createExtensionTester(entityBackupsCard).get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity('Component', 'checkout'))).toBe(true);
    expect(filter?.(entity('Resource', 'payments', { type: 'kubernetes-tenant' }))).toBe(true);
    expect(filter?.(entity('Resource', 'db', { type: 'database' }))).toBe(false);
    expect(filter?.(entity('Group', 'team'))).toBe(false);
  });
});

describe('describeDrillRto', () => {
  const drill = {
    cluster: 'prod-eu',
    namespace: 'velero',
    name: 'payments-prod-drill',
    backupName: 'daily-1',
    drill: true,
    durationMs: 60_000,
  } as RestoreView;

  it.each([
    ['no record: the Restore duration against the current tier', drill, { tier: 3, rtoMs: 86_400_000 }, '; RTO measured 1 min (within tier 3\'s 24 h)'],
    [
      "a Kubeyard record: its RTO with pods Ready, against the tier it was measured for",
      { ...drill, record: { rtoMs: 5 * 3_600_000, podsReady: { ready: 2, total: 2 }, tier: 2, tierRtoMs: 4 * 3_600_000, compliant: false, recordedAt: '2026-11-22T10:00:00Z' } },
      { tier: 3, rtoMs: 86_400_000 },
      "; RTO measured 5 h, 2/2 pods Ready (over tier 2's 4 h)",
    ],
    [
      'a recorded drill that was fast but not compliant (partly failed)',
      { ...drill, record: { rtoMs: 60_000, tier: 3, tierRtoMs: 86_400_000, compliant: false, recordedAt: '2026-11-22T10:00:00Z' } },
      undefined,
      "; RTO measured 1 min (not compliant with tier 3's 24 h)",
    ],
    [
      'a recorded drill whose restore failed',
      { ...drill, durationMs: undefined, record: { compliant: false, recordedAt: '2026-11-22T10:00:00Z' } },
      undefined,
      '; the restore did not complete, no RTO',
    ],
    ['no tier known', drill, undefined, '; RTO measured 1 min'],
  ])('%s', (_name, view, rpo, expected) => {
    expect(describeDrillRto(view as RestoreView, rpo)).toBe(expected);
  });
});

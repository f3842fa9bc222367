import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Finding } from '@kubeyard/backstage-plugin-kubeyard-common';
import { screen } from '@testing-library/react';
import { FindingsList } from './FindingsList';

const findings: Finding[] = [
  {
    id: 'workload.hpa.min-one',
    severity: 'info',
    object: { kind: 'HorizontalPodAutoscaler', name: 'web', namespace: 'shop' },
    message: 'minReplicas is 1.',
    fix: 'Set minReplicas to 2.',
  },
  {
    id: 'workload.pdb.blocks-eviction',
    severity: 'critical',
    object: {
      kind: 'PodDisruptionBudget',
      name: 'web',
      namespace: 'shop',
      cluster: 'prod',
    },
    message: 'The PodDisruptionBudget allows no disruption: node drains block.',
    fix: 'Use maxUnavailable: 1 instead of minAvailable: 100%.',
  },
];

describe('FindingsList', () => {
  it('lists findings worst first with severity, message, fix and object', async () => {
    renderInTestApp(<FindingsList findings={findings} showCluster />);

    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'The PodDisruptionBudget allows no disruption: node drains block.',
    );
    expect(items[1]).toHaveTextContent('minReplicas is 1.');
    expect(screen.getByTitle('critical')).toBeInTheDocument();
    expect(screen.getByTitle('info')).toBeInTheDocument();
    expect(
      screen.getByText('Use maxUnavailable: 1 instead of minAvailable: 100%.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'PodDisruptionBudget shop/web on prod · workload.pdb.blocks-eviction',
      ),
    ).toBeInTheDocument();
  });

  it('says so when there is nothing to fix', async () => {
    renderInTestApp(<FindingsList findings={[]} emptyText="All clear." />);
    expect(await screen.findByText('All clear.')).toBeInTheDocument();
  });
});

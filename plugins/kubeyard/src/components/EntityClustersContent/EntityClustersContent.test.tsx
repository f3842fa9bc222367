import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { DOWN_CLUSTER_ERROR } from '../../testing/fixtures';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { EntityClustersContent } from './EntityClustersContent';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/payments',
      lifecycle: 'production',
    },
  };
}

function renderContent(entity: Entity, api = new MockKubeyardApi()) {
  return renderWithApi(
    <EntityProvider entity={entity}>
      <EntityClustersContent />
    </EntityProvider>,
    { api },
  );
}

function cardOf(cluster: string): HTMLElement {
  const link = screen.getAllByRole('link', { name: cluster })[0];
  const card = link.closest('.MuiCard-root');
  if (!card) throw new Error(`no card for ${cluster}`);
  return card as HTMLElement;
}

describe('EntityClustersContent', () => {
  it('shows the service on each cluster with workloads, pods and findings', async () => {
    renderContent(
      component('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
    );

    expect(
      await screen.findByText(
        'checkout runs on 2 clusters; 1 cluster could not be checked.',
      ),
    ).toBeInTheDocument();

    const eu = cardOf('prod-eu-west');
    expect(within(eu).getByText(/^synced \d+ s ago$/)).toBeInTheDocument();
    expect(within(eu).getByText('1 workload, 3 pods')).toBeInTheDocument();
    expect(within(eu).getByText('3/3 ready')).toBeInTheDocument();
    expect(within(eu).getByText('checkout-7c9f-b2')).toBeInTheDocument();
    expect(within(eu).getByText('No findings.')).toBeInTheDocument();

    const us = cardOf('prod-us-east');
    const workloads = within(us).getByRole('table', { name: 'workloads' });
    expect(within(workloads).getByText('Deployment')).toBeInTheDocument();
    expect(within(workloads).getByText('payments')).toBeInTheDocument();
    expect(within(workloads).getByText('2/3 ready')).toBeInTheDocument();

    const crashing = within(us).getByText('checkout-5d4f-x3').closest('tr')!;
    expect(within(crashing).getByText('use-worker-b1')).toBeInTheDocument();
    expect(within(crashing).getByText('us-east-1b')).toBeInTheDocument();
    expect(within(crashing).getByText('Running')).toBeInTheDocument();
    expect(within(crashing).getByText('17')).toBeInTheDocument();
    expect(within(crashing).getByText('CrashLoopBackOff')).toBeInTheDocument();

    expect(
      within(us).getByText(
        'Pod checkout-5d4f-x3 is in CrashLoopBackOff after 17 restarts.',
      ),
    ).toBeInTheDocument();
    expect(
      within(us).getByText(
        'Read the logs of the previous container (kubectl logs --previous) and fix the startup error.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error of a cluster that is down while the others render', async () => {
    renderContent(component('checkout'));

    await screen.findByText(/checkout runs on 2 clusters/);
    const down = cardOf('edge-ap-south');
    expect(within(down).getByText('sync error')).toBeInTheDocument();
    expect(
      within(down).getByText(
        `edge-ap-south is unreachable: ${DOWN_CLUSTER_ERROR}.`,
        {
          exact: false,
        },
      ),
    ).toBeInTheDocument();
    expect(within(down).queryByRole('table')).toBeNull();
    expect(cardOf('prod-eu-west')).toBeInTheDocument();
  });

  it('explains how workloads are matched when none are found', async () => {
    renderContent(component('billing'));

    expect(
      await screen.findByText('No workloads of billing on any cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/backstage\.io\/kubernetes-id=billing/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    renderContent(
      component('checkout'),
      new MockKubeyardApi({}, new Error('kubeyard backend unavailable')),
    );
    expect(
      await screen.findByText('Error: kubeyard backend unavailable'),
    ).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { FederationPage } from './FederationPage';

function rowOf(workloadName: string): HTMLElement {
  const row = screen.getAllByText(workloadName)[0].closest('tr');
  if (!row) throw new Error(`no row for ${workloadName}`);
  return row;
}

describe('FederationPage', () => {
  it('shows workloads × member clusters with replicas, applied and health per cell', async () => {
    renderWithApi(<FederationPage />);

    expect(
      await screen.findByText('Federated workloads (2)'),
    ).toBeInTheDocument();
    const header = screen.getAllByRole('columnheader').map(h => h.textContent);
    expect(header).toEqual(
      expect.arrayContaining(['edge-ap-south', 'prod-eu-west', 'prod-us-east']),
    );

    const checkout = rowOf('checkout');
    expect(within(checkout).getByText('Karmada')).toBeInTheDocument();
    expect(within(checkout).getByText('3/3 ready')).toBeInTheDocument();
    expect(within(checkout).getByText('2/3 ready')).toBeInTheDocument();
    expect(within(checkout).getByText('Unhealthy')).toBeInTheDocument();
    expect(
      within(checkout).getByText('1 of 3 replicas not ready'),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('not placed')).toBeInTheDocument();
    expect(within(checkout).getByText('Scheduled=True')).toBeInTheDocument();
    expect(within(checkout).getByText('FullyApplied=True')).toBeInTheDocument();
    expect(
      within(checkout).getByText('Deployment in payments'),
    ).toBeInTheDocument();

    const storefront = rowOf('storefront');
    expect(within(storefront).getByText('KubeFed')).toBeInTheDocument();
    expect(within(storefront).getByText('not applied')).toBeInTheDocument();
    expect(within(storefront).getByText('?/2 ready')).toBeInTheDocument();
    expect(
      within(storefront).getByText('Propagation=False'),
    ).toBeInTheDocument();
    expect(
      within(storefront).getByText('CheckClusters: edge-ap-south is not ready'),
    ).toBeInTheDocument();
  });

  it('links the host cluster and the catalog entity', async () => {
    renderWithApi(<FederationPage />);

    await screen.findByText('Federated workloads (2)');
    const checkout = rowOf('checkout');
    expect(
      within(checkout).getAllByRole('link', { name: 'prod-eu-west' })[0],
    ).toHaveAttribute('href', '/kubeyard/clusters/prod-eu-west');
    expect(
      within(checkout).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    // No catalog entity matches storefront: no link.
    expect(
      within(rowOf('storefront')).queryByRole('link', { name: 'storefront' }),
    ).toBeNull();
  });

  it('explains where federated workloads come from when there are none', async () => {
    renderWithApi(<FederationPage />, {
      api: new MockKubeyardApi({ federation: { workloads: [] } }),
    });
    expect(
      await screen.findByText('No federated workloads'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/KubeFed or the Karmada control plane/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    renderWithApi(<FederationPage />, {
      api: new MockKubeyardApi({}, new Error('federation index not ready')),
    });
    expect(
      await screen.findByText('Error: federation index not ready'),
    ).toBeInTheDocument();
  });
});

import { act, fireEvent, screen, within } from '@testing-library/react';
import { REFRESH_INTERVAL_MS } from '../../hooks/usePolling';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantsPage } from './TenantsPage';

function rowOf(tenant: string): HTMLElement {
  const row = screen.getByRole('link', { name: tenant }).closest('tr');
  if (!row) throw new Error(`no row for ${tenant}`);
  return row;
}

function renderPage(options: Parameters<typeof renderWithApi>[1] = {}) {
  return renderWithApi(<TenantsPage />, {
    mountPath: '/kubeyard/tenants',
    initialRouteEntries: ['/kubeyard/tenants'],
    ...options,
  });
}

describe('TenantsPage', () => {
  it('shows one row per tenant with owner, clusters, tier, status and quota headroom', async () => {
    renderPage();

    expect(await screen.findByText('Tenants (3)')).toBeInTheDocument();

    const payments = rowOf('payments-prod');
    expect(
      within(payments).getByText('Payments production'),
    ).toBeInTheDocument();
    expect(
      within(payments).getByRole('link', { name: /team-payments/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(
      within(payments).getByRole('link', { name: 'prod-eu' }),
    ).toHaveAttribute('href', '/kubeyard/clusters/prod-eu');
    expect(
      within(payments).getByRole('link', { name: 'prod-us' }),
    ).toBeInTheDocument();
    expect(within(payments).getByText('m')).toBeInTheDocument();
    expect(within(payments).getByText('production')).toBeInTheDocument();
    expect(within(payments).getByText('namespace')).toBeInTheDocument();
    expect(within(payments).getByText('Active')).toBeInTheDocument();
    expect(
      within(payments).getByText('93% used, 7% headroom'),
    ).toBeInTheDocument();
    expect(within(payments).getByText('2 h ago')).toBeInTheDocument();

    const search = rowOf('search-dev');
    expect(within(search).getByText('Failed')).toBeInTheDocument();
    expect(within(search).getByText('vcluster')).toBeInTheDocument();
    expect(
      within(search).getByText('40% used, 60% headroom'),
    ).toBeInTheDocument();
  });

  it('alerts at 80 % (warning) and 90 % (critical) of quota', async () => {
    renderPage();
    await screen.findByText('Tenants (3)');

    expect(
      within(rowOf('payments-prod')).getByText(
        '93% of quota used: new pods may be rejected',
      ),
    ).toBeInTheDocument();
    expect(
      within(rowOf('checkout-staging')).getByText(
        '85% of quota used: running low',
      ),
    ).toBeInTheDocument();
    expect(within(rowOf('search-dev')).queryByText(/of quota used/)).toBeNull();

    const banner = screen.getByText(/2 tenants close to their quota/);
    expect(banner).toHaveTextContent(
      '2 tenants close to their quota: payments-prod 93%, checkout-staging 85%.',
    );
    expect(banner.closest('[role="alert"]')?.className).toMatch(
      /standardError/,
    );
  });

  it('links each tenant to its page', async () => {
    renderPage();
    expect(
      await screen.findByRole('link', { name: 'checkout-staging' }),
    ).toHaveAttribute('href', '/kubeyard/tenants/checkout-staging');
  });

  it('filters by owner, also from the URL', async () => {
    renderPage({
      initialRouteEntries: [
        '/kubeyard/tenants?owner=group:default/Team-Checkout',
      ],
    });
    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'checkout-staging' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'payments-prod' })).toBeNull();
    // Only the shown tenants count for the banner: a warning, not an error.
    expect(
      screen.getByText(/1 tenant close to its quota/).closest('[role="alert"]')
        ?.className,
    ).toMatch(/standardWarning/);

    const owner = screen.getByLabelText('Owner');
    fireEvent.change(owner, { target: { value: 'group:default/team-search' } });
    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'search-dev' }),
    ).toBeInTheDocument();

    fireEvent.change(owner, { target: { value: '' } });
    expect(await screen.findByText('Tenants (3)')).toBeInTheDocument();
  });

  it('explains how to request a tenant when there are none', async () => {
    renderPage({ api: new MockKubeyardApi({ tenants: {} }) });
    expect(await screen.findByText('No tenants yet')).toBeInTheDocument();
    expect(screen.getByText(/Kubernetes tenant/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Request a tenant' }),
    ).toHaveAttribute('href', '/create');
  });

  it('shows the error when the backend fails', async () => {
    renderPage({
      api: new MockKubeyardApi({}, new Error('kubeyard backend unavailable')),
    });
    expect(
      await screen.findByText('Error: kubeyard backend unavailable'),
    ).toBeInTheDocument();
  });

  describe('auto-refresh', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('refreshes every 15 s and keeps the table when a refresh fails', async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const api = new MockKubeyardApi();
      const { tenants } = await api.listTenants();
      jest
        .spyOn(api, 'listTenants')
        .mockResolvedValueOnce({ tenants: tenants.slice(1) })
        .mockResolvedValueOnce({ tenants })
        .mockRejectedValue(new Error('backend restarting'));
      renderPage({ api });

      expect(await screen.findByText('Tenants (2)')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
      });
      expect(await screen.findByText('Tenants (3)')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
      });
      expect(
        await screen.findByText(/Could not refresh: backend restarting/),
      ).toBeInTheDocument();
      expect(screen.getByText('Tenants (3)')).toBeInTheDocument();
    });
  });
});

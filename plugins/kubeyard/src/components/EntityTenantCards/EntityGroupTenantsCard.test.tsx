import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { EntityGroupTenantsCard } from './EntityGroupTenantsCard';

function group(name: string, namespace = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', children: [] },
  };
}

function renderCard(entity: Entity, api = new MockKubeyardApi()) {
  return renderWithApi(
    <EntityProvider entity={entity}>
      <EntityGroupTenantsCard />
    </EntityProvider>,
    { api },
  );
}

describe('EntityGroupTenantsCard', () => {
  it("lists only the group's tenants with status and quota pressure", async () => {
    renderCard(group('team-payments'));

    const link = await screen.findByRole('link', { name: 'payments-prod' });
    expect(link).toHaveAttribute('href', '/kubeyard/tenants/payments-prod');
    expect(screen.queryByRole('link', { name: 'checkout-staging' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'search-dev' })).toBeNull();

    const item = link.closest('li')!;
    expect(within(item).getByText('Active')).toBeInTheDocument();
    expect(
      within(item).getByText(
        'Payments production · production · prod-eu, prod-us',
      ),
    ).toBeInTheDocument();
    expect(within(item).getByText('93% used, 7% headroom')).toBeInTheDocument();
    expect(
      within(item).getByText('93% of quota used: new pods may be rejected'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open in Kubeyard/ }),
    ).toHaveAttribute(
      'href',
      `/kubeyard/tenants?owner=${encodeURIComponent(
        'group:default/team-payments',
      )}`,
    );
  });

  it('matches the owner case-insensitively', async () => {
    const api = new MockKubeyardApi();
    const { tenants } = await api.listTenants();
    jest.spyOn(api, 'listTenants').mockResolvedValue({
      tenants: tenants.map(t =>
        t.name === 'search-dev'
          ? { ...t, owner: 'Group:default/Team-Checkout' }
          : t,
      ),
    });
    renderCard(group('team-checkout'), api);

    expect(
      await screen.findByRole('link', { name: 'checkout-staging' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'search-dev' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'payments-prod' })).toBeNull();
    expect(
      screen.getByText('85% of quota used: running low'),
    ).toBeInTheDocument();
  });

  it('does not match a group of the same name in another namespace', async () => {
    renderCard(group('team-payments', 'other'));
    expect(
      await screen.findByText(/team-payments owns no tenants\./),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Request a tenant' }),
    ).toHaveAttribute('href', '/create');
  });

  it('shows the error when the backend fails', async () => {
    renderCard(
      group('team-payments'),
      new MockKubeyardApi({}, new Error('kubeyard backend unavailable')),
    );
    expect(
      await screen.findByText('Error: kubeyard backend unavailable'),
    ).toBeInTheDocument();
  });
});

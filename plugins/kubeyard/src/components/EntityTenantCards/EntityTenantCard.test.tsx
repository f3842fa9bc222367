import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { EntityTenantCard } from './EntityTenantCard';

function tenantEntity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'payments-production',
      namespace: 'default',
      annotations,
    },
    spec: { type: 'kubernetes-tenant', owner: 'group:default/team-payments' },
  };
}

function renderCard(entity: Entity, api = new MockKubeyardApi()) {
  return renderWithApi(
    <EntityProvider entity={entity}>
      <EntityTenantCard />
    </EntityProvider>,
    { api },
  );
}

describe('EntityTenantCard', () => {
  it('shows the tenant named by the annotation: status, clusters and quota bars', async () => {
    renderCard(tenantEntity({ 'kubeyard.io/tenant': 'payments-prod' }));

    // The tenant's status, then the namespace's phase on each cluster.
    expect(await screen.findAllByText('Active')).toHaveLength(3);
    expect(
      screen.getByTitle('Applied on every cluster of its spec'),
    ).toHaveTextContent('Active');
    expect(screen.getByText('93% used, 7% headroom')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'prod-eu' })).toHaveAttribute(
      'href',
      '/kubeyard/clusters/prod-eu',
    );
    expect(screen.getByRole('link', { name: 'prod-us' })).toBeInTheDocument();
    expect(
      screen.getByText('requests.cpu: 37.2 cores of 40 cores (93%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('93% of requests.cpu used: new pods may be rejected'),
    ).toBeInTheDocument();
    // Three fullest keys per cluster; the rest are counted.
    expect(screen.getAllByText('and 1 more quota key, less full')).toHaveLength(
      2,
    );
    expect(
      screen.getByRole('link', { name: /Open in Kubeyard/ }),
    ).toHaveAttribute('href', '/kubeyard/tenants/payments-prod');
  });

  it('shows a missing namespace', async () => {
    renderCard(tenantEntity({ 'kubeyard.io/tenant': 'search-dev' }));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'staging' })).toBeInTheDocument();
    expect(screen.getByText('Missing')).toBeInTheDocument();
    expect(
      screen.getAllByText('No ResourceQuota reported on this cluster.'),
    ).toHaveLength(1);
  });

  it('names the annotation it needs when it is missing', async () => {
    renderCard(tenantEntity({}));
    expect(await screen.findAllByText(/kubeyard\.io\/tenant/)).not.toHaveLength(
      0,
    );
  });

  it('shows the error for a tenant the backend does not know', async () => {
    renderCard(tenantEntity({ 'kubeyard.io/tenant': 'nope' }));
    expect(
      await screen.findByText("Error: No tenant named 'nope'"),
    ).toBeInTheDocument();
  });
});

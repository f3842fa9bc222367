import { screen, within } from '@testing-library/react';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { OwnershipPage } from './OwnershipPage';

function renderPage(api = new MockKubeyardApi()) {
  return renderWithApi(<OwnershipPage />, {
    api,
    mountPath: '/kubeyard/ownership',
    initialRouteEntries: ['/kubeyard/ownership'],
  });
}

describe('OwnershipPage', () => {
  it('groups the findings by id with counts, worst first', async () => {
    renderPage();

    expect(
      await screen.findByText('5 findings in 4 groups'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 critical')).toBeInTheDocument();
    expect(screen.getByText('3 warning')).toBeInTheDocument();

    const titles = screen
      .getAllByText(/\(\d+\)$/)
      .map(element => element.textContent);
    expect(titles).toEqual([
      'Owner label differs from the catalog (1)',
      'Tenants missing from a cluster (1)',
      'Namespaces without an owner (2)',
      'Owners that are not catalog Groups (1)',
    ]);
    expect(
      screen.getByText(/ownership\.namespace\.no-owner$/),
    ).toBeInTheDocument();
  });

  it('shows cluster, object, message and fix in each row', async () => {
    renderPage();
    const table = await screen.findByRole('table', {
      name: 'Namespaces without an owner',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);

    expect(
      within(rows[0]).getByRole('link', { name: 'prod-eu' }),
    ).toHaveAttribute('href', '/kubeyard/clusters/prod-eu');
    expect(
      within(rows[0]).getByText('Namespace legacy-batch'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(
        'Namespace legacy-batch has no kubeyard.io/owner label.',
      ),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(/kubectl label namespace legacy-batch/),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByTitle('warning')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Namespace tmp-load-test'),
    ).toBeInTheDocument();

    const drift = screen.getByRole('table', {
      name: 'Owner label differs from the catalog',
    });
    expect(within(drift).getByTitle('critical')).toBeInTheDocument();
    expect(
      within(drift).getByText(
        'The owner label says group:default/team-payments; the catalog says group:default/team-checkout.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when ownership is in order', async () => {
    renderPage(new MockKubeyardApi({ ownership: { findings: [] } }));
    expect(
      await screen.findByText('No ownership findings'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    renderPage(
      new MockKubeyardApi({}, new Error('kubeyard backend unavailable')),
    );
    expect(
      await screen.findByText('Error: kubeyard backend unavailable'),
    ).toBeInTheDocument();
  });
});

import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatCurrency } from '../../format';
import { costFixture } from '../../testing/fixtures';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { presetWindow } from './costPeriods';
import { CostsPage } from './CostsPage';

function renderPage(
  search = '',
  options: Parameters<typeof renderWithApi>[1] = {},
) {
  return renderWithApi(<CostsPage />, {
    mountPath: '/kubeyard/costs',
    initialRouteEntries: [`/kubeyard/costs${search}`],
    ...options,
  });
}

function tableRow(text: string): HTMLElement {
  const row = screen
    .getAllByText(text)
    .map(e => e.closest('tr'))
    .find(Boolean);
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

const usd = (amount: number) => formatCurrency(amount, 'USD');

describe('CostsPage', () => {
  it('shows the last 30 days by owner: total, chart, table with totals and OpenCost columns', async () => {
    const api = new MockKubeyardApi();
    const report = await api.getCosts({
      ...presetWindow('30d', Date.now()),
      groupBy: 'owner',
      step: 'day',
    });
    renderPage('', { api });

    expect(await screen.findByText('Costs by owner (5)')).toBeInTheDocument();
    expect(screen.getByTestId('cost-total')).toHaveTextContent(
      usd(report.totals.totalCost),
    );
    const chart = screen.getByRole('img', {
      name: /Daily cost by owner: team-payments, team-checkout, team-search, Unallocated, Idle/,
    });
    // 30 days × 5 stacked series.
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(
        150,
      ),
    );
    const legend = screen.getByTestId('cost-chart-legend');
    expect(
      within(legend).getByText(
        `Idle: ${usd(report.groups.find(g => g.label === 'Idle')!.totalCost)}`,
      ),
    ).toBeInTheDocument();

    for (const title of [
      'CPU core-hours',
      'RAM GiB-hours',
      'PV GiB-hours',
      'CPU cost',
      'RAM cost',
      'PV cost',
      'Shared cost',
      'Total',
      'Efficiency',
    ]) {
      expect(
        screen.getByRole('columnheader', { name: title }),
      ).toBeInTheDocument();
    }
    // The totals row comes first and adds up the groups.
    const rows = screen
      .getByText('Costs by owner (5)')
      .closest('div[class*="MuiPaper"]')!
      .querySelectorAll('tbody tr');
    expect(rows[0]).toHaveTextContent(/^Total/);
    const sum = report.groups.reduce((total, g) => total + g.totalCost, 0);
    expect(
      within(rows[0] as HTMLElement).getByText(usd(sum)),
    ).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('team-payments');

    const payments = report.groups.find(g => g.label === 'team-payments')!;
    const paymentsRow = tableRow('team-payments');
    expect(
      within(paymentsRow).getByRole('link', { name: /team-payments/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(
      within(paymentsRow).getByText(usd(payments.cpuCost)),
    ).toBeInTheDocument();
    expect(
      within(paymentsRow).getByText(
        `${Math.round(payments.efficiency! * 100)}%`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Sources: prod-eu-west \(built-in model, last sample 3 min ago\)/,
      ),
    ).toHaveTextContent('staging (OpenCost');
  });

  it('labels unallocated and idle cost', async () => {
    renderPage();
    await screen.findByText('Costs by owner (5)');
    expect(
      within(tableRow('Unallocated')).getByText(
        'namespaces without a kubeyard.io/owner label',
      ),
    ).toBeInTheDocument();
    expect(
      within(tableRow('Idle')).getByText(
        'allocatable capacity no pod requested',
      ),
    ).toBeInTheDocument();
    // Idle has nothing requested: no efficiency.
    expect(
      within(tableRow('Idle')).getByTitle('Nothing was requested'),
    ).toBeInTheDocument();
  });

  it('re-queries when the grouping changes and keeps it in the URL', async () => {
    const api = new MockKubeyardApi();
    const getCosts = jest.spyOn(api, 'getCosts');
    renderPage('', { api });
    await screen.findByText('Costs by owner (5)');

    fireEvent.click(screen.getByRole('button', { name: 'Tenant' }));
    expect(await screen.findByText('Costs by tenant (5)')).toBeInTheDocument();
    expect(getCosts).toHaveBeenLastCalledWith(
      expect.objectContaining({ groupBy: 'tenant' }),
    );
    expect(
      within(tableRow('payments-prod')).getByRole('link', {
        name: 'payments-prod',
      }),
    ).toHaveAttribute('href', '/kubeyard/tenants/payments-prod');
    expect(
      within(tableRow('Unallocated')).getByText('namespaces of no tenant'),
    ).toBeInTheDocument();
  });

  it('reads the period, grouping and filters from the URL', async () => {
    const api = new MockKubeyardApi();
    const getCosts = jest.spyOn(api, 'getCosts');
    renderPage(
      '?period=7d&groupBy=namespace&owner=group:default/team-checkout',
      { api },
    );
    expect(
      await screen.findByText('Costs by namespace (2)'),
    ).toBeInTheDocument();
    expect(getCosts).toHaveBeenCalledWith({
      ...presetWindow('7d', Date.now()),
      groupBy: 'namespace',
      step: 'day',
      owner: 'group:default/team-checkout',
    });
    expect(screen.getByText('prod-eu-west/checkout-prod')).toBeInTheDocument();
    expect(
      screen.getByText('Owner: group:default/team-checkout'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Idle')).toBeNull();
  });

  it('validates a custom period and does not query until it is valid', async () => {
    const api = new MockKubeyardApi();
    const getCosts = jest.spyOn(api, 'getCosts');
    renderPage('?period=custom&from=2025-03-10&to=2025-03-01', { api });
    expect(
      await screen.findByText('The last day must be on or after the first day'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Choose a valid period to see costs.'),
    ).toBeInTheDocument();
    expect(getCosts).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Last day'), {
      target: { value: '2025-03-31' },
    });
    await waitFor(() =>
      expect(getCosts).toHaveBeenCalledWith(
        expect.objectContaining({ from: '2025-03-10', to: '2025-04-01' }),
      ),
    );
    // The fixtures hold the last 100 days only.
    expect(
      await screen.findByText('No costs in this window'),
    ).toBeInTheDocument();
  });

  it('starts a custom period from the window shown', async () => {
    renderPage('?period=7d');
    await screen.findByText('Costs by owner (5)');
    fireEvent.change(screen.getByLabelText('Period (UTC days)'), {
      target: { value: 'custom' },
    });
    const { from } = presetWindow('7d', Date.now());
    expect(await screen.findByLabelText('First day')).toHaveValue(from);
    expect(screen.queryByText(/The last day/)).toBeNull();
  });

  it('shows budgets: over, forecast over and on track', async () => {
    renderPage();
    await screen.findByText('Budgets, month to date (3)');
    expect(screen.getByTestId('budget-payments-prod')).toHaveAttribute(
      'data-status',
      'over',
    );
    expect(
      within(screen.getByTestId('budget-payments-prod'))
        .getByText('over budget')
        .closest('[data-tone]'),
    ).toHaveAttribute('data-tone', 'error');
    const checkout = screen.getByTestId('budget-group:default/team-checkout');
    expect(
      within(checkout).getByText('forecast over budget').closest('[data-tone]'),
    ).toHaveAttribute('data-tone', 'warning');
    expect(
      within(checkout).getByText(/group budget, from config/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('budget-group:default/team-search')).getByText(
        'on track',
      ),
    ).toBeInTheDocument();
    expect(within(checkout).getByRole('meter')).toHaveAttribute(
      'aria-valuemax',
    );
  });

  it('warns about a failing collector and a gap in the window', async () => {
    renderPage('?period=7d');
    expect(
      await screen.findByText('Cost collection is failing on 1 cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /edge-ap-south: connect ECONNREFUSED 10.20.0.4:6443 \(last sample 2 h ago\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Costs of 1 cluster are estimated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'prod-us-east: metrics.k8s.io not served (HTTP 404): usage counted as requests.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 gaps in this window: costs are understated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /prod-us-east: no samples from .* UTC to .* UTC \(6 h\)/,
      ),
    ).toBeInTheDocument();
  });

  it('lists the cost findings', async () => {
    renderPage();
    expect(await screen.findByText('Findings (3)')).toBeInTheDocument();
    expect(
      screen.getByText('CPU requests are 75% above usage for the last 6 h'),
    ).toBeInTheDocument();
  });

  it('downloads the CSV through the fetch API, with the query', async () => {
    const fetch = jest.fn(
      async (_input: RequestInfo | URL) =>
        new Response('BilledCost\n1.00\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    );
    const createObjectURL = jest.fn(() => 'blob:costs');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    renderPage('?groupBy=tenant', {
      apis: [
        mockApis.fetch({
          baseImplementation: fetch as typeof globalThis.fetch,
        }),
      ],
    });
    await screen.findByText('Costs by tenant (5)');

    fireEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    await waitFor(() =>
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:costs'),
    );
    const { from, to } = presetWindow('30d', Date.now());
    expect(String(fetch.mock.calls[0][0])).toBe(
      `http://localhost:7007/api/kubeyard/costs/export.csv?from=${from}&to=${to}&groupBy=tenant&step=day`,
    );
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('explains when no costs were collected yet', async () => {
    renderPage('', {
      api: new MockKubeyardApi({
        costs: { ...costFixture(), rows: [], sources: [], gaps: [] },
      }),
    });
    expect(
      await screen.findByText('No costs collected yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/cost collector samples every cluster/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'not allowed: kubeyard.cost.read',
          },
        }),
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'content-type': 'application/json' },
        },
      ) as any,
    );
    renderPage('', { api: new MockKubeyardApi({}, error) });
    expect(
      await screen.findAllByText(/not allowed: kubeyard.cost.read/),
    ).not.toHaveLength(0);
  });
});

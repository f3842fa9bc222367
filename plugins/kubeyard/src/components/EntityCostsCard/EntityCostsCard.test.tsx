import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, waitFor, within } from '@testing-library/react';
import { entityCostsCard } from '../../extensions';
import { formatCurrency } from '../../format';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { presetWindow } from '../CostsPage/costPeriods';
import { EntityCostsCard } from './EntityCostsCard';

function entity(
  kind: string,
  name: string,
  spec: Entity['spec'] = {},
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec,
  };
}

// The mock links a Component to the pods labelled with its name.
const component = (name: string) =>
  entity(
    'Component',
    name,
    { type: 'service' },
    { 'backstage.io/kubernetes-id': name },
  );

function renderCard(e: Entity, api = new MockKubeyardApi()) {
  return renderWithApi(
    <EntityProvider entity={e}>
      <EntityCostsCard />
    </EntityProvider>,
    { api },
  );
}

const usd = (amount: number) => formatCurrency(amount, 'USD');
const last30 = () => presetWindow('30d', Date.now());

describe('EntityCostsCard', () => {
  it("shows a Group's last 30 days by tenant, its trend, its budget and a link to the filtered Costs page", async () => {
    const api = new MockKubeyardApi();
    const getCosts = jest.spyOn(api, 'getCosts');
    await renderCard(entity('Group', 'team-checkout', { type: 'team' }), api);
    const ref = 'group:default/team-checkout';
    const report = await api.getCosts({
      ...last30(),
      groupBy: 'tenant',
      step: 'day',
      entityRef: ref,
    });

    expect(await screen.findByTestId('entity-cost-total')).toHaveTextContent(
      usd(report.totals.totalCost),
    );
    expect(getCosts).toHaveBeenCalledWith({
      ...last30(),
      groupBy: 'tenant',
      step: 'day',
      entityRef: ref,
    });
    expect(screen.getByText('By tenant')).toBeInTheDocument();
    expect(screen.getByText('checkout-staging')).toBeInTheDocument();
    // checkout-prod has no tenant: its cost is the group's, unallocated to a tenant.
    expect(screen.getByText('Unallocated')).toBeInTheDocument();
    const trend = screen.getByRole('img', { name: 'Daily cost, 30 days' });
    await waitFor(() =>
      expect(trend.querySelector('.recharts-area-area')).not.toBeNull(),
    );
    const budget = screen.getByTestId(`budget-${ref}`);
    expect(
      within(budget).getByText('forecast over budget'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open in Costs/ })).toHaveAttribute(
      'href',
      `/kubeyard/costs?groupBy=tenant&entityRef=${encodeURIComponent(ref)}`,
    );
  });

  it("shows a tenant's namespaces and its budget", async () => {
    await renderCard(
      entity('Resource', 'payments-prod', { type: 'kubernetes-tenant' }),
    );
    expect(await screen.findByText('By namespace')).toBeInTheDocument();
    expect(screen.getByText('prod-eu-west/payments-prod')).toBeInTheDocument();
    expect(screen.getByText('prod-us-east/payments-prod')).toBeInTheDocument();
    expect(screen.getByTestId('budget-payments-prod')).toHaveAttribute(
      'data-status',
      'over',
    );
  });

  it("shows a Component's workloads across namespaces, without budgets (they cover more than its pods)", async () => {
    const api = new MockKubeyardApi();
    await renderCard(component('checkout'), api);
    const report = await api.getCosts({
      ...last30(),
      groupBy: 'namespace',
      step: 'day',
      entityRef: 'component:default/checkout',
    });
    expect(await screen.findByTestId('entity-cost-total')).toHaveTextContent(
      usd(report.totals.totalCost),
    );
    expect(screen.getByText('prod-eu-west/checkout-prod')).toBeInTheDocument();
    expect(screen.getByText('staging/checkout-staging')).toBeInTheDocument();
    expect(
      screen.getByText(
        `last 30 days, ${usd(report.totals.totalCost / 30)} per day`,
      ),
    ).toBeInTheDocument();
    expect(report.budgets).toEqual([]);
    expect(
      screen.queryByTestId('budget-group:default/team-checkout'),
    ).not.toBeInTheDocument();
  });

  it('explains how costs are attributed when there are none, and warns about collection gaps', async () => {
    const { unmount } = await renderCard(component('nowhere'));
    expect(
      await screen.findByText(
        /Kubeyard finds them by the backstage.io\/kubernetes-id label/,
      ),
    ).toBeInTheDocument();
    unmount();

    await renderCard(entity('Group', 'team-search', { type: 'team' }));
    // team-search runs on the cluster whose collection fails.
    expect(
      await screen.findByText('Cost collection is failing on 1 cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('budget-group:default/team-search'),
    ).toHaveAttribute('data-status', 'ok');
  });

  it('names the annotation a Component needs', async () => {
    await renderCard(entity('Component', 'unlabelled', { type: 'service' }));
    expect(
      await screen.findAllByText(/backstage\.io\/kubernetes-id/),
    ).not.toHaveLength(0);
  });

  it('shows the error the backend answers', async () => {
    await renderCard(
      entity('Group', 'team-checkout'),
      new MockKubeyardApi({}, new Error('not allowed: kubeyard.cost.read')),
    );
    expect(
      await screen.findAllByText(/not allowed: kubeyard.cost.read/),
    ).not.toHaveLength(0);
  });

  it('is offered on Components, tenant Resources and Groups', () => {
    const filter = createExtensionTester(entityCostsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(entity('Component', 'checkout'))).toBe(true);
    expect(
      filter?.(
        entity('Resource', 'payments-prod', { type: 'kubernetes-tenant' }),
      ),
    ).toBe(true);
    expect(filter?.(entity('Group', 'team-checkout'))).toBe(true);
    expect(filter?.(entity('Resource', 'db', { type: 'database' }))).toBe(
      false,
    );
    expect(filter?.(entity('User', 'alice'))).toBe(false);
  });
});

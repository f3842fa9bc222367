import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import type { KubeyardApi } from '@kubeyard/backstage-plugin-kubeyard-common';
import { screen } from '@testing-library/react';
import { kubeyardApiRef } from './api/kubeyardApiRef';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  entityClustersContent,
  entityGroupTenantsCard,
  entityTenantCard,
  kubeyardApi,
} from './extensions';
import plugin from './index';
import { MockKubeyardApi } from './testing/MockKubeyardApi';

// The whole app renders with lazy-loaded pages: slow on a busy machine.
const SLOW = { timeout: 10_000 };

describe('kubeyard plugin', () => {
  it('provides the API, the page, the entity content and the entity cards', () => {
    expect(plugin.id).toBe('kubeyard');
    expect(plugin.getExtension('api:kubeyard')).toBeDefined();
    expect(plugin.getExtension('page:kubeyard')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:kubeyard/clusters'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:kubeyard/group-tenants'),
    ).toBeDefined();
    expect(plugin.getExtension('entity-card:kubeyard/tenant')).toBeDefined();
    expect(plugin.getExtension('entity-card:kubeyard/costs')).toBeDefined();
  });

  it('shows "Our tenants" on Groups only', () => {
    const filter = createExtensionTester(entityGroupTenantsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'team-payments' },
    });
    expect(filter?.(entity('Group'))).toBe(true);
    expect(filter?.(entity('User'))).toBe(false);
    expect(filter?.(entity('Component'))).toBe(false);
  });

  it('shows the Tenant card on kubernetes-tenant Resources only', () => {
    const filter = createExtensionTester(entityTenantCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    const entity = (kind: string, type: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'payments-prod' },
      spec: { type },
    });
    expect(filter?.(entity('Resource', 'kubernetes-tenant'))).toBe(true);
    expect(filter?.(entity('Resource', 'kubernetes-cluster'))).toBe(false);
    expect(filter?.(entity('Component', 'kubernetes-tenant'))).toBe(false);
  });

  it('shows the Clusters tab on Components only', () => {
    const tester = createExtensionTester(entityClustersContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Clusters');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    const entity = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'checkout' },
    });
    expect(filter?.(entity('Component'))).toBe(true);
    expect(filter?.(entity('API'))).toBe(false);
  });

  it('calls the kubeyard backend through the fetch API', async () => {
    const factory = createExtensionTester(kubeyardApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    const fetch = jest.fn(
      async (_input: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ clusters: [] }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = factory.factory({
      discoveryApi: {
        getBaseUrl: async (id: string) => `http://backend/api/${id}`,
      },
      fetchApi: { fetch },
    }) as KubeyardApi;

    await expect(client.getClusters()).resolves.toEqual({ clusters: [] });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubeyard/clusters',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('serves the fleet, cluster and federation pages under /kubeyard', async () => {
    renderTestApp({
      features: [plugin],
      apis: [[kubeyardApiRef, new MockKubeyardApi()]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/kubeyard'],
    });
    expect(
      await screen.findByText('Clusters (4)', undefined, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Federation' })).toBeInTheDocument();

    screen.getByRole('link', { name: 'prod-us-east' }).click();
    expect(
      await screen.findByText('Zone us-east-1b', undefined, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText('Control plane')).toBeInTheDocument();

    screen.getByRole('tab', { name: 'Federation' }).click();
    expect(
      await screen.findByText('Federated workloads (2)', undefined, SLOW),
    ).toBeInTheDocument();
  }, 30_000);

  it('serves the tenants, tenant and ownership pages under /kubeyard', async () => {
    renderTestApp({
      features: [plugin],
      apis: [[kubeyardApiRef, new MockKubeyardApi()]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/kubeyard'],
    });
    (await screen.findByRole('tab', { name: 'Tenants' }, SLOW)).click();
    expect(
      await screen.findByText('Tenants (3)', undefined, SLOW),
    ).toBeInTheDocument();

    screen.getByRole('link', { name: 'payments-prod' }).click();
    expect(
      await screen.findByText('History (3)', undefined, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Tenants' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    screen.getByRole('tab', { name: 'Ownership' }).click();
    expect(
      await screen.findByText('5 findings in 4 groups', undefined, SLOW),
    ).toBeInTheDocument();
  }, 30_000);
});

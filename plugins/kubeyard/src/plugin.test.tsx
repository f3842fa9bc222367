import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import type { KubeyardApi } from '@kubeyard/backstage-plugin-kubeyard-common';
import { screen } from '@testing-library/react';
import { kubeyardApiRef } from './api/kubeyardApiRef';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityClustersContent, kubeyardApi } from './extensions';
import plugin from './index';
import { MockKubeyardApi } from './testing/MockKubeyardApi';

describe('kubeyard plugin', () => {
  it('provides the API, the page and the entity content', () => {
    expect(plugin.id).toBe('kubeyard');
    expect(plugin.getExtension('api:kubeyard')).toBeDefined();
    expect(plugin.getExtension('page:kubeyard')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:kubeyard/clusters'),
    ).toBeDefined();
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
      undefined,
    );
  });

  it('serves the fleet, cluster and federation pages under /kubeyard', async () => {
    renderTestApp({
      features: [plugin],
      apis: [[kubeyardApiRef, new MockKubeyardApi()]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/kubeyard'],
    });
    expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Federation' })).toBeInTheDocument();

    screen.getByRole('link', { name: 'prod-us-east' }).click();
    expect(await screen.findByText('Zone us-east-1b')).toBeInTheDocument();
    expect(screen.getByText('Control plane')).toBeInTheDocument();

    screen.getByRole('tab', { name: 'Federation' }).click();
    expect(
      await screen.findByText('Federated workloads (2)'),
    ).toBeInTheDocument();
  });
});

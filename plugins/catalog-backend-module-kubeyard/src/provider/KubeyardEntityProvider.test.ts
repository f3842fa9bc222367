import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { clusterSummary, tenantDetail } from '../__testUtils__/builders';
import { FakeKubeyardApi, startFakeKubeyardApi } from '../__testUtils__/fakeKubeyardApi';
import { KubeyardEntityProvider } from './KubeyardEntityProvider';
import { serviceClient } from './serviceClient';

function refs(entities: Array<{ entity: Entity }>): string[] {
  return entities.map(({ entity }) => `${entity.kind}:${entity.metadata.name}:${entity.spec?.type}`);
}

describe('KubeyardEntityProvider', () => {
  let api: FakeKubeyardApi;
  let mutations: EntityProviderMutation[];
  let connection: EntityProviderConnection;
  let scheduled: Array<() => Promise<void>>;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  const newProvider = () =>
    new KubeyardEntityProvider({
      api: serviceClient({ auth: mockServices.auth({ pluginId: 'catalog' }), discovery: api.discovery }),
      logger,
      taskRunner: { run: async ({ fn }) => void scheduled.push(fn as () => Promise<void>) } as SchedulerServiceTaskRunner,
      clusterOwner: 'group:default/platform-team',
      appBaseUrl: 'https://backstage.example.com',
      connections: new Map(),
    });

  beforeEach(async () => {
    api = await startFakeKubeyardApi({
      clusters: [clusterSummary('prod-eu'), clusterSummary('prod-us')],
      tenants: [tenantDetail({ name: 'payments', clusters: ['prod-eu', 'prod-us'] }), tenantDetail({ name: 'search' })],
    });
    mutations = [];
    connection = { applyMutation: jest.fn(async m => void mutations.push(m)), refresh: jest.fn() };
    scheduled = [];
    logger = mockServices.logger.mock();
  });

  afterEach(() => api.close());

  it('schedules a full mutation of every cluster and tenant when connected', async () => {
    const provider = newProvider();
    await provider.connect(connection);
    expect(provider.getProviderName()).toBe('kubeyard');
    expect(scheduled).toHaveLength(1);

    await scheduled[0]();

    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    expect(mutation.type).toBe('full');
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(refs(entities)).toEqual([
      'Resource:prod-eu:kubernetes-cluster',
      'Resource:prod-us:kubernetes-cluster',
      'Resource:payments:kubernetes-tenant',
      'Resource:search:kubernetes-tenant',
    ]);
    expect(entities.every(e => e.locationKey === 'kubeyard')).toBe(true);
    expect(entities[2].entity.spec).toMatchObject({ dependsOn: ['resource:default/prod-eu', 'resource:default/prod-us'] });
    expect(logger.info).toHaveBeenCalledWith('emitted 2 cluster and 2 tenant entities');
  });

  it("calls kubeyard-backend with the catalog's own service credentials", async () => {
    const provider = newProvider();
    await provider.connect(connection);
    await provider.refresh();
    const expected = `Bearer ${mockCredentials.service.token({
      onBehalfOf: mockCredentials.service('plugin:catalog'),
      targetPluginId: 'kubeyard',
    })}`;
    expect(api.requests.map(r => r.path).sort()).toEqual([
      '/api/kubeyard/clusters',
      '/api/kubeyard/tenants',
      '/api/kubeyard/tenants/payments',
      '/api/kubeyard/tenants/search',
    ]);
    expect(new Set(api.requests.map(r => r.authorization))).toEqual(new Set([expected]));
  });

  it('leaves out a tenant removed between the list and its details, and a cluster whose name is too long', async () => {
    api.state.vanishing = ['search'];
    api.state.clusters.push(clusterSummary('c'.repeat(64)));
    const provider = newProvider();
    await provider.connect(connection);
    await provider.refresh();
    const [mutation] = mutations;
    expect(refs(mutation.type === 'full' ? mutation.entities : [])).toEqual([
      'Resource:prod-eu:kubernetes-cluster',
      'Resource:prod-us:kubernetes-cluster',
      'Resource:payments:kubernetes-tenant',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('is longer than the 63 characters'));
  });

  it('keeps the catalog as it is when kubeyard-backend fails', async () => {
    api.state.unavailable = true;
    const provider = newProvider();
    await provider.connect(connection);
    await expect(provider.refresh()).rejects.toThrow('Request failed with 503');
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('updates one tenant with a delta after it changed', async () => {
    const provider = newProvider();
    await provider.connect(connection);
    api.state.tenants[0] = tenantDetail({ name: 'payments', clusters: ['prod-eu'], tier: { preset: 'l' } });

    await provider.refreshTenant('payments');

    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    expect(mutation).toMatchObject({ type: 'delta', removed: [] });
    const added = mutation.type === 'delta' ? mutation.added : [];
    expect(added).toHaveLength(1);
    expect(added[0].locationKey).toBe('kubeyard');
    expect(added[0].entity.metadata.labels).toMatchObject({ 'kubeyard.io/tier': 'l' });
    expect(added[0].entity.spec).toMatchObject({ dependsOn: ['resource:default/prod-eu'] });
  });

  it('removes the entity of a tenant that is gone', async () => {
    const provider = newProvider();
    await provider.connect(connection);
    await provider.refreshTenant('decommissioned');
    expect(mutations).toEqual([
      { type: 'delta', added: [], removed: [{ entityRef: 'resource:default/decommissioned', locationKey: 'kubeyard' }] },
    ]);
  });

  it('ignores tenant changes before the catalog connects', async () => {
    await newProvider().refreshTenant('payments');
    expect(api.requests).toEqual([]);
  });

  it('applies a full sync and a delta in the order they were asked for', async () => {
    const provider = newProvider();
    await provider.connect(connection);
    await Promise.all([provider.refresh(), provider.refreshTenant('payments'), provider.refresh()]);
    expect(mutations.map(m => m.type)).toEqual(['full', 'delta', 'full']);
  });

  it('keeps working after a failed run', async () => {
    const provider = newProvider();
    await provider.connect(connection);
    api.state.unavailable = true;
    await expect(provider.refresh()).rejects.toThrow();
    api.state.unavailable = false;
    await provider.refresh();
    expect(mutations).toHaveLength(1);
  });
});

import type { SchedulerServiceTaskFunction, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  CatalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type { EventsServiceSubscribeOptions } from '@backstage/plugin-events-node';
import { kubeyardCatalogModule } from './module';
import { clusterSummary, tenantDetail } from './__testUtils__/builders';
import { FakeKubeyardApi, startFakeKubeyardApi } from './__testUtils__/fakeKubeyardApi';

describe('kubeyardCatalogModule', () => {
  let api: FakeKubeyardApi;
  afterEach(() => api.close());

  async function start(data: Record<string, unknown>) {
    api = await startFakeKubeyardApi({ clusters: [clusterSummary('prod-eu')], tenants: [tenantDetail({ name: 'payments' })] });
    const providers: EntityProvider[] = [];
    const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
    const tasks: SchedulerServiceTaskFunction[] = [];
    const subscriptions: EventsServiceSubscribeOptions[] = [];
    const events = mockServices.events.mock({ subscribe: async options => void subscriptions.push(options) });
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: schedule => {
        schedules.push(schedule);
        return { run: async ({ fn }) => void tasks.push(fn) };
      },
    });
    const logger = mockServices.logger.mock();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider: (...added: EntityProvider[]) => providers.push(...added) } as Partial<CatalogProcessingExtensionPoint>],
      ],
      features: [
        kubeyardCatalogModule,
        events.factory,
        scheduler.factory,
        logger.factory,
        mockServices.discovery.mock({ getBaseUrl: api.discovery.getBaseUrl }).factory,
        mockServices.rootConfig.factory({ data: { app: { baseUrl: 'https://backstage.example.com/' }, ...data } }),
      ],
    });
    const mutations: EntityProviderMutation[] = [];
    await providers[0].connect({ applyMutation: async m => void mutations.push(m), refresh: jest.fn() });
    return { providers, schedules, tasks, subscriptions, mutations, logger };
  }

  it('adds the provider, scheduled every 5 minutes by default, with clusters owned by the platform team', async () => {
    const { providers, schedules, tasks, mutations } = await start({});
    expect(providers.map(p => p.getProviderName())).toEqual(['kubeyard']);
    expect(schedules).toEqual([{ frequency: { minutes: 5 }, timeout: { minutes: 3 }, initialDelay: { seconds: 10 } }]);
    await (tasks[0] as () => Promise<void>)();
    const entities = mutations[0].type === 'full' ? mutations[0].entities.map(e => e.entity) : [];
    expect(entities[0].spec).toMatchObject({ type: 'kubernetes-cluster', owner: 'group:default/platform-team' });
    expect(entities[1].metadata.links).toEqual([
      { url: 'https://backstage.example.com/kubeyard/tenants/payments', title: 'Kubeyard tenant page', icon: 'dashboard' },
    ]);
  });

  it('reads the owner, the schedule and the cluster URLs from config', async () => {
    const { schedules, tasks, mutations } = await start({
      kubeyard: { clusterOwner: 'group:default/sre', catalog: { schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } } } },
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'config', clusters: [{ name: 'prod-eu', url: 'https://prod-eu.example.com', authProvider: 'google' }] },
        ],
      },
    });
    expect(schedules).toEqual([{ frequency: { minutes: 1 }, timeout: { seconds: 30 } }]);
    await (tasks[0] as () => Promise<void>)();
    const cluster = mutations[0].type === 'full' ? mutations[0].entities[0].entity : undefined;
    expect(cluster?.spec?.owner).toBe('group:default/sre');
    expect(cluster?.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server': 'https://prod-eu.example.com',
      'kubernetes.io/auth-provider': 'google',
    });
  });

  it('applies a delta when kubeyard.tenant.changed names a tenant', async () => {
    const { subscriptions, mutations, logger } = await start({});
    expect(subscriptions.map(s => s.topics)).toEqual([['kubeyard.tenant.changed']]);
    const { onEvent } = subscriptions[0];

    await onEvent({ topic: 'kubeyard.tenant.changed', eventPayload: { tenant: 'payments' } });
    await onEvent({ topic: 'kubeyard.tenant.changed', eventPayload: { tenant: 'gone' } });
    await onEvent({ topic: 'kubeyard.tenant.changed', eventPayload: { name: 'payments' } });

    expect(mutations.map(m => (m.type === 'delta' ? [m.added.length, m.removed.length] : m.type))).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('without a tenant name: {"name":"payments"}'));
  });
});

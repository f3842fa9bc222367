import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readClusterConnections } from './config/readClusterConnections';
import { readProviderOptions } from './config/readProviderOptions';
import { KubeyardEntityProvider } from './provider/KubeyardEntityProvider';
import { serviceClient } from './provider/serviceClient';
import { TENANT_CHANGED_TOPIC, tenantNameOf } from './provider/tenantChangedEvent';

/**
 * Adds Kubeyard's clusters and tenants to the catalog as `Resource` entities, in full on a
 * schedule and per tenant as soon as kubeyard-backend publishes `kubeyard.tenant.changed`.
 */
export const kubeyardCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeyard',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, discovery, auth, events }) {
        const options = readProviderOptions(config);
        const provider = new KubeyardEntityProvider({
          api: serviceClient({ auth, discovery }),
          logger,
          taskRunner: scheduler.createScheduledTaskRunner(options.schedule),
          clusterOwner: options.clusterOwner,
          appBaseUrl: options.appBaseUrl,
          connections: readClusterConnections(config),
        });
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'kubeyard-entity-provider',
          topics: [TENANT_CHANGED_TOPIC],
          onEvent: async ({ eventPayload }) => {
            const name = tenantNameOf(eventPayload);
            if (!name) {
              logger.warn(`ignored a ${TENANT_CHANGED_TOPIC} event without a tenant name: ${JSON.stringify(eventPayload)}`);
              return;
            }
            await provider.refreshTenant(name);
          },
        });
      },
    });
  },
});

import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ConfigClusterLocator, DEFAULT_WATCHER_OPTIONS, FEDERATION_TYPES, FLEET_TYPES, FleetIndex, TENANT_TYPES } from '../fleet';
import { BACKUP_TYPES, createBackupWriteRouter, DEFAULT_RESTORE_DRILL_TIMINGS, RestoreDrillStore } from '../backups';
import { COST_TYPES, createCostFeature } from '../costs';
import { createOwnershipRouter } from '../ownership/ownershipRouter';
import {
  createTenantRouter,
  DEFAULT_TENANT_OPERATION_OPTIONS,
  registerTenantPermissions,
  TenantAuthorizer,
  TenantClusterClients,
  TenantLifecycle,
  TenantRegistry,
} from '../tenants';
import { createRouter } from './createRouter';

/** Published with `{ tenant }` after a tenant was applied, changed or decommissioned. */
export const TENANT_CHANGED_TOPIC = 'kubeyard.tenant.changed';

/**
 * The Kubeyard backend plugin (pluginId `kubeyard`): indexes every configured cluster, serves
 * the fleet, workload and federation views, and manages tenants under /api/kubeyard.
 */
export const kubeyardPlugin = createBackendPlugin({
  pluginId: 'kubeyard',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
      },
      async init({ config, logger, httpRouter, httpAuth, lifecycle, database, permissions, permissionsRegistry, auditor, catalog, events, scheduler, auth }) {
        const seconds = (key: string, fallbackMs: number) => {
          const value = config.getOptionalNumber(`kubeyard.${key}`);
          return value !== undefined ? value * 1000 : fallbackMs;
        };
        const fleet = new FleetIndex(new ConfigClusterLocator(config), [...FLEET_TYPES, ...FEDERATION_TYPES, ...TENANT_TYPES, ...BACKUP_TYPES, ...COST_TYPES], logger, {
          ...DEFAULT_WATCHER_OPTIONS,
          pageSize: config.getOptionalNumber('kubeyard.fleet.pageSize') ?? DEFAULT_WATCHER_OPTIONS.pageSize,
          requestTimeoutMs: seconds('fleet.requestTimeoutSeconds', DEFAULT_WATCHER_OPTIONS.requestTimeoutMs),
          probeIntervalMs: seconds('fleet.probeIntervalSeconds', DEFAULT_WATCHER_OPTIONS.probeIntervalMs),
          maxBackoffMs: seconds('fleet.maxBackoffSeconds', DEFAULT_WATCHER_OPTIONS.maxBackoffMs),
          relocateIntervalMs: 60_000,
        });
        const defaults = DEFAULT_TENANT_OPERATION_OPTIONS;
        const options = {
          requestTimeoutMs: seconds('tenants.requestTimeoutSeconds', defaults.requestTimeoutMs),
          lockTimeoutMs: seconds('tenants.lockTimeoutSeconds', defaults.lockTimeoutMs),
          settleTimeoutMs: seconds('tenants.settleTimeoutSeconds', defaults.settleTimeoutMs),
          namespaceDeletionTimeoutMs: seconds('tenants.namespaceDeletionTimeoutSeconds', defaults.namespaceDeletionTimeoutMs),
          pollIntervalMs: seconds('tenants.pollIntervalSeconds', defaults.pollIntervalMs),
        };

        const registry = await TenantRegistry.create(database);
        registerTenantPermissions(permissionsRegistry, async names => {
          const records = await Promise.all(names.map(name => registry.getTenant(name)));
          return records.map(record => (record ? { name: record.name, owner: record.owner } : undefined));
        });
        const authorizer = new TenantAuthorizer(permissions, permissionsRegistry);
        const clients = new TenantClusterClients(fleet, { requestTimeoutMs: options.requestTimeoutMs });
        // The catalog module refreshes a tenant's entity as soon as this arrives.
        const onTenantChanged = (tenant: string) => {
          // A lost notification only delays the catalog until its next full sync: never let it
          // fail the operation that triggered it.
          Promise.resolve()
            .then(() => events.publish({ topic: TENANT_CHANGED_TOPIC, eventPayload: { tenant } }))
            .catch(error => logger.warn(`could not publish ${TENANT_CHANGED_TOPIC} for ${tenant}: ${error}`));
        };
        const tenants = new TenantLifecycle({ registry, clients, logger, options, onTenantChanged });

        const drills = await RestoreDrillStore.create(database);
        const backupWrites = createBackupWriteRouter({
          fleet,
          clients,
          registry,
          authorizer,
          httpAuth,
          auditor,
          logger,
          drills,
          timings: {
            pollIntervalMs: seconds('backups.pollIntervalSeconds', DEFAULT_RESTORE_DRILL_TIMINGS.pollIntervalMs),
            restoreTimeoutMs: seconds('backups.restoreTimeoutSeconds', DEFAULT_RESTORE_DRILL_TIMINGS.restoreTimeoutMs),
            podsReadyTimeoutMs: seconds('backups.podsReadyTimeoutSeconds', DEFAULT_RESTORE_DRILL_TIMINGS.podsReadyTimeoutMs),
          },
        });

        await fleet.start();
        if (fleet.clusters().length === 0) {
          logger.info('no clusters configured under kubernetes.clusterLocatorMethods: the fleet is empty');
        }
        lifecycle.addShutdownHook(async () => {
          await tenants.stop();
          await backupWrites.driver.stop();
          await clients.close();
          fleet.stop();
        });
        httpRouter.use(
          await createRouter({
            fleet,
            catalog,
            httpAuth,
            drills,
            routers: [
              createTenantRouter({ lifecycle: tenants, registry, clients, fleet, catalog, httpAuth, auditor, authorizer }),
              createOwnershipRouter({ fleet, registry, catalog, httpAuth, authorizer }),
              backupWrites.router,
              await createCostFeature({ config, database, fleet, registry, catalog, auth, httpAuth, permissions, permissionsRegistry, scheduler, logger }),
            ],
          }),
        );
      },
    });
  },
});

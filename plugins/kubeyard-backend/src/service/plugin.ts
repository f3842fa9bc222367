import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ConfigClusterLocator, DEFAULT_WATCHER_OPTIONS, FEDERATION_TYPES, FLEET_TYPES, FleetIndex } from '../fleet';
import { createRouter } from './createRouter';

/**
 * The Kubeyard backend plugin (pluginId `kubeyard`): indexes every configured cluster and
 * serves the fleet, workload and federation views under /api/kubeyard.
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
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpRouter, httpAuth, lifecycle, catalog }) {
        const seconds = (key: string, fallbackMs: number) => {
          const value = config.getOptionalNumber(`kubeyard.fleet.${key}`);
          return value !== undefined ? value * 1000 : fallbackMs;
        };
        const fleet = new FleetIndex(new ConfigClusterLocator(config), [...FLEET_TYPES, ...FEDERATION_TYPES], logger, {
          ...DEFAULT_WATCHER_OPTIONS,
          pageSize: config.getOptionalNumber('kubeyard.fleet.pageSize') ?? DEFAULT_WATCHER_OPTIONS.pageSize,
          requestTimeoutMs: seconds('requestTimeoutSeconds', DEFAULT_WATCHER_OPTIONS.requestTimeoutMs),
          probeIntervalMs: seconds('probeIntervalSeconds', DEFAULT_WATCHER_OPTIONS.probeIntervalMs),
          maxBackoffMs: seconds('maxBackoffSeconds', DEFAULT_WATCHER_OPTIONS.maxBackoffMs),
          relocateIntervalMs: 60_000,
        });
        await fleet.start();
        if (fleet.clusters().length === 0) {
          logger.info('no clusters configured under kubernetes.clusterLocatorMethods: the fleet is empty');
        }
        lifecycle.addShutdownHook(() => fleet.stop());
        httpRouter.use(await createRouter({ fleet, catalog, httpAuth }));
      },
    });
  },
});

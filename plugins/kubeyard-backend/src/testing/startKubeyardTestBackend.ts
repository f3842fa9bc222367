import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/config';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kubeyardPlugin } from '../service/plugin';

/** A running embedded fleet, as `startSimulator` returns it. */
interface Fleet {
  clusters: Array<{ name: string; url: string; token: string }>;
}

/**
 * Starts a test backend with the kubeyard plugin, an in-memory catalog holding `entities`, and
 * every cluster of `fleet` configured like @backstage/plugin-kubernetes' config locator, with
 * fleet timings short enough for tests. `features` are added (service mocks, e.g. permissions
 * or the scheduler); `database` and `kubeyard` replace those parts of the config.
 */
export async function startKubeyardTestBackend(options: {
  fleet: Fleet;
  entities: Entity[];
  features?: BackendFeature[];
  database?: JsonObject;
  kubeyard?: JsonObject;
}) {
  const backend = await startTestBackend({
    features: [
      kubeyardPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          backend: { database: options.database ?? { client: 'better-sqlite3', connection: ':memory:' } },
          kubeyard: { fleet: { requestTimeoutSeconds: 2, probeIntervalSeconds: 0.2, maxBackoffSeconds: 0.5 }, ...options.kubeyard },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: options.fleet.clusters.map(c => ({
                  name: c.name,
                  url: c.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: c.token,
                  // The embedded fleet serves plain http to client-node, which refuses it otherwise.
                  skipTLSVerify: true,
                })),
              },
            ],
          },
        },
      }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

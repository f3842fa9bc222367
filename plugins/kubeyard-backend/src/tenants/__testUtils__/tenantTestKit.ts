/* Shared set-up of the tenant tests: the embedded clusters, a test backend, catalog entities. */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  manifestKey,
  parseTenantSpec,
  renderTenant,
  tenantNamespace,
  type TenantSpec,
  type TenantSpecInput,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { startSimulator } from '@kubeyard/kube-simulator';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import { kubeConfigFor } from '../../fleet';
import { kubeyardPlugin } from '../../service/plugin';
import { TenantClusterClient } from '../clusterClient';
import { readLiveState } from '../liveState';

/** A running simulator. */
export type Sim = Awaited<ReturnType<typeof startSimulator>>;

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});
const user = (name: string, memberOf: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
});

/** The test catalog: teams, their members, and the platform team. */
export const catalogEntities = [
  group('team-payments'),
  group('platform-team'),
  group('auditors'),
  group('team-search'),
  user('alice', ['group:default/team-payments']),
  user('bob', ['group:default/team-payments']),
  user('mallory', ['group:default/team-search']),
  user('pat', ['group:default/platform-team']),
];

/** A valid request for a tenant on the given clusters. */
export function tenantInput(name: string, clusters: string[], overrides: Partial<TenantSpecInput> = {}): TenantSpecInput {
  return {
    name,
    displayName: `Tenant ${name}`,
    owner: 'group:default/team-payments',
    clusters,
    environment: 'staging',
    costCenter: 'cc-1001',
    contact: 'payments@example.com',
    tier: { preset: 'xs' },
    admins: ['user:default/alice'],
    developers: ['group:default/team-payments'],
    viewers: ['group:default/auditors'],
    ...overrides,
  };
}

/** The parsed spec of a request. */
export function specOf(input: TenantSpecInput): TenantSpec {
  const result = parseTenantSpec(input);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.spec;
}

/** Fast timings: faults that add 1.6 s of latency outlast the 1 s request timeout. */
export const TEST_TIMINGS = {
  requestTimeoutSeconds: 1,
  lockTimeoutSeconds: 60,
  settleTimeoutSeconds: 10,
  namespaceDeletionTimeoutSeconds: 10,
  pollIntervalSeconds: 0.05,
};

/** Configuration of a test backend against the simulator. */
export function backendConfig(sim: Sim, options: { databaseDir?: string; tenants?: Record<string, number> } = {}) {
  return {
    backend: {
      database: options.databaseDir
        ? { client: 'better-sqlite3', connection: { directory: options.databaseDir } }
        : { client: 'better-sqlite3', connection: ':memory:' },
    },
    kubeyard: {
      fleet: { requestTimeoutSeconds: 2, probeIntervalSeconds: 0.2, maxBackoffSeconds: 0.5 },
      tenants: { ...TEST_TIMINGS, ...options.tenants },
      backups: { pollIntervalSeconds: 0.05, podsReadyTimeoutSeconds: 10 },
    },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: sim.clusters.map(c => ({ name: c.name, url: c.url, authProvider: 'serviceAccount', serviceAccountToken: c.token, skipTLSVerify: true })),
        },
      ],
    },
  };
}

/** Starts a test backend with the plugin, the catalog mock and the given extra features. */
export async function startTenantBackend(sim: Sim, options: { databaseDir?: string; tenants?: Record<string, number>; features?: BackendFeature[] } = {}) {
  const backend = await startTestBackend({
    features: [
      kubeyardPlugin,
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.rootConfig.factory({ data: backendConfig(sim, options) }),
      ...(options.features ?? []),
    ],
  });
  return backend;
}

/** A client for direct reads and writes in tests (no faults are expected while it runs). */
export function clusterClient(sim: Sim, cluster: string): TenantClusterClient {
  const info = sim.clusters.find(c => c.name === cluster)!;
  return new TenantClusterClient(cluster, { name: cluster, url: info.url, serviceAccountToken: info.token, skipTLSVerify: true }, { requestTimeoutMs: 10_000 });
}

/** Raw client-node access to a cluster, to act as someone else than Kubeyard. */
export function kubeObjects(sim: Sim, cluster: string): KubernetesObjectApi {
  const info = sim.clusters.find(c => c.name === cluster)!;
  return kubeConfigFor({ name: cluster, url: info.url, serviceAccountToken: info.token, skipTLSVerify: true }).makeApiClient(KubernetesObjectApi);
}

/** How many of the spec's rendered objects exist on a cluster, and how many there should be. */
export async function presentObjects(sim: Sim, cluster: string, spec: TenantSpec): Promise<{ present: number; expected: number; missing: string[] }> {
  const live = await readLiveState(clusterClient(sim, cluster), tenantNamespace(spec));
  const rendered = renderTenant(spec, { clusterName: cluster });
  const missing = rendered.map(m => manifestKey(m)).filter(key => !live.objects.has(key));
  return { present: rendered.length - missing.length, expected: rendered.length, missing };
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

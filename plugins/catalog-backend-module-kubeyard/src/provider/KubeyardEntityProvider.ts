import type { LoggerService, SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import type { KubeyardApi, TenantDetail } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterConnection } from '../config/readClusterConnections';
import { clusterEntity } from '../entities/clusterEntity';
import { PROVIDER_NAME, resourceRef } from '../entities/conventions';
import { tenantEntity } from '../entities/tenantEntity';

/** What the provider needs. */
export interface KubeyardEntityProviderOptions {
  /** kubeyard-backend's API, called with the catalog's own credentials. */
  api: Pick<KubeyardApi, 'getClusters' | 'listTenants' | 'getTenant'>;
  logger: LoggerService;
  /** Runs the full sync on its schedule. */
  taskRunner: SchedulerServiceTaskRunner;
  clusterOwner: string;
  appBaseUrl: string;
  /** The clusters of kubernetes.clusterLocatorMethods, by name. */
  connections: Map<string, ClusterConnection>;
}

// Tenant details are read a few at a time, not all at once.
const DETAIL_CONCURRENCY = 4;

async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * Emits Kubeyard's clusters and tenants as catalog `Resource` entities: all of them on a
 * schedule (a full mutation), and one tenant at a time when it changes (a delta).
 */
export class KubeyardEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  // Full syncs and tenant deltas run one after the other, so that an older full sync cannot
  // land after (and undo) a newer delta started on this instance.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KubeyardEntityProviderOptions) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: `${PROVIDER_NAME}-entity-provider:refresh`,
      fn: () => this.refresh(),
    });
  }

  /** Replaces every entity of the provider with the clusters and tenants kubeyard-backend lists now. */
  refresh(): Promise<void> {
    return this.serially(async () => {
      const connection = this.requireConnection();
      const { api, logger } = this.options;
      const [{ clusters }, { tenants }] = await Promise.all([api.getClusters(), api.listTenants()]);
      // The list lacks the namespace and cost center; a tenant removed meanwhile is skipped.
      const details = await mapConcurrently(tenants, DETAIL_CONCURRENCY, async tenant => {
        try {
          return await api.getTenant(tenant.name);
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      });
      const entities: Entity[] = [];
      for (const cluster of clusters) {
        const entity = this.clusterEntityOf(cluster);
        if (entity) entities.push(entity);
        else logger.warn(`cluster "${cluster.name}" is longer than the 63 characters of a catalog entity name; it is left out`);
      }
      const present = details.filter((d): d is TenantDetail => d !== undefined);
      entities.push(...present.map(tenant => this.tenantEntityOf(tenant)));
      await connection.applyMutation({ type: 'full', entities: entities.map(entity => ({ entity, locationKey: PROVIDER_NAME })) });
      logger.info(`emitted ${entities.length - present.length} cluster and ${present.length} tenant entities`);
    });
  }

  /** Updates one tenant's entity, or removes it when kubeyard-backend no longer has the tenant. */
  refreshTenant(name: string): Promise<void> {
    return this.serially(async () => {
      // Before the catalog connects, the first full sync will include the tenant anyway.
      if (!this.connection) return;
      let tenant: TenantDetail;
      try {
        tenant = await this.options.api.getTenant(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await this.connection.applyMutation({
          type: 'delta',
          added: [],
          removed: [{ entityRef: resourceRef(name), locationKey: PROVIDER_NAME }],
        });
        this.options.logger.info(`tenant ${name} is gone; removed its entity`);
        return;
      }
      await this.connection.applyMutation({
        type: 'delta',
        added: [{ entity: this.tenantEntityOf(tenant), locationKey: PROVIDER_NAME }],
        removed: [],
      });
      this.options.logger.info(`updated the entity of tenant ${name}`);
    });
  }

  private clusterEntityOf(cluster: Parameters<typeof clusterEntity>[0]) {
    const { clusterOwner, appBaseUrl, connections } = this.options;
    return clusterEntity(cluster, { owner: clusterOwner, appBaseUrl, connection: connections.get(cluster.name) });
  }

  private tenantEntityOf(tenant: TenantDetail) {
    return tenantEntity(tenant, { appBaseUrl: this.options.appBaseUrl });
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) throw new Error('KubeyardEntityProvider is not connected to the catalog yet');
    return this.connection;
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

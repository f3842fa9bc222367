/*
 * Wires the cost feature: the store, the collector (a scheduler task, so one backend instance
 * samples at a time), retention, permissions and the router.
 */
import type {
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type express from 'express';
import type { FleetIndex } from '../fleet';
import type { TenantRegistry } from '../tenants/TenantRegistry';
import { CostCatalog, type CostGroupReader } from './costCatalog';
import { CostCollector } from './CostCollector';
import { readCostConfig, type CostConfig } from './costConfig';
import { CostAuthorizer, registerCostPermissions } from './costPermissions';
import { createCostRouter } from './costRouter';
import { CostStore } from './CostStore';
import { attributionLoader } from './loadAttribution';
import { ModelCostSource } from './ModelCostSource';
import { OpenCostSource } from './OpenCostSource';
import { hourlyRetentionStart } from './readCostRows';

const DAY = 86_400_000;

/** The scheduler task id of the collector. */
export const COST_COLLECTION_TASK = 'kubeyard-costs-collect';

/** Dependencies of the cost feature. */
export interface CostFeatureOptions {
  config: Config;
  database: DatabaseService;
  fleet: FleetIndex;
  registry: TenantRegistry;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  scheduler: SchedulerService;
  logger: LoggerService;
}

/** Builds the collector of a fleet (the plugin's, the demo backfill's and the tests'). */
export function createCostCollector(options: {
  costConfig: CostConfig;
  store: CostStore;
  fleet: FleetIndex;
  tenants: () => Promise<Array<{ name: string; owner: string; costCenter?: string }>>;
  catalog?: CostGroupReader;
  logger?: LoggerService;
}): CostCollector {
  const { costConfig, store, fleet, catalog, logger } = options;
  const model = new ModelCostSource(fleet, {
    intervalMs: costConfig.sampleIntervalMs,
    maxGapMs: costConfig.maxGapMs,
    prices: costConfig.prices,
    requestTimeoutMs: costConfig.requestTimeoutMs,
  });
  const urls = Object.fromEntries(
    Object.entries(costConfig.clusters).flatMap(([name, c]) => (c.source === 'opencost' && c.opencostUrl ? [[name, c.opencostUrl]] : [])),
  );
  const opencost = new OpenCostSource({ urls, requestTimeoutMs: costConfig.requestTimeoutMs });
  return new CostCollector({
    store,
    clusters: () => fleet.clusters().map(c => c.name),
    sourceOf: cluster => (costConfig.clusters[cluster]?.source === 'opencost' ? opencost : model),
    loadAttribution: attributionLoader({ snapshots: () => fleet.clusters(), tenants: options.tenants, catalog, logger }),
    logger,
  });
}

/** Sets the feature up and returns its router. */
export async function createCostFeature(options: CostFeatureOptions): Promise<express.Router> {
  const { config, database, fleet, registry, auth, httpAuth, permissions, permissionsRegistry, scheduler, logger } = options;
  const costConfig = readCostConfig(config);
  const store = await CostStore.create(database);
  const catalog = new CostCatalog(options.catalog, auth, logger);
  const tenantRecords = async () => registry.listTenants();
  const collector = createCostCollector({
    costConfig,
    store,
    fleet,
    catalog,
    logger,
    tenants: async () => (await tenantRecords()).map(t => ({ name: t.name, owner: t.owner, costCenter: t.spec.costCenter })),
  });

  await scheduler.scheduleTask({
    id: COST_COLLECTION_TASK,
    frequency: { milliseconds: costConfig.sampleIntervalMs },
    timeout: { milliseconds: Math.max(costConfig.sampleIntervalMs, 60_000) },
    // Let the fleet index list the clusters first.
    initialDelay: { seconds: 15 },
    fn: async () => {
      await collector.collectOnce();
      const now = Date.now();
      // The same cut-off reports read hourly rows from (readCostRows).
      await store.prune(
        new Date(hourlyRetentionStart(now, costConfig.hourlyRetentionDays)).toISOString(),
        new Date(now - costConfig.dailyRetentionDays * DAY).toISOString().slice(0, 10),
      );
    },
  });

  registerCostPermissions(permissionsRegistry);
  return createCostRouter({
    sources: {
      store,
      config: costConfig,
      catalog,
      clusters: () => fleet.clusters().map(c => c.name),
      tenants: async () => (await tenantRecords()).map(t => ({ name: t.name, owner: t.owner, monthlyBudget: t.spec.monthlyBudget })),
    },
    authorizer: new CostAuthorizer(permissions, permissionsRegistry),
    httpAuth,
  });
}

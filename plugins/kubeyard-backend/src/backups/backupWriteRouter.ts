/*
 * The backup write API: tenant Schedules, on-demand Backups and restore drills. Each endpoint:
 * credentials, validation, the tenant permission (kubeyard.tenant.update to change, .read to
 * follow), then one call; the POSTs run inside an audit event and leave a tenant_audit row.
 */
import type { AuditorService, HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { tenantReadPermission, tenantUpdatePermission } from '@kubeyard/backstage-plugin-kubeyard-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { FleetIndex } from '../fleet';
import {
  audited,
  booleanQuery,
  fieldErrorHandler,
  initiatorOf,
  RequestValidationError,
  type TenantAuthorizer,
  type TenantClusterClients,
  type TenantRegistry,
} from '../tenants';
import { applyTenantSchedules } from './applyTenantSchedules';
import {
  backupIdParamSchema,
  parseRequest,
  restoreDrillParamsSchema,
  restoreDrillRequestSchema,
  tenantBackupRequestSchema,
  tenantParamSchema,
} from './backupRequests';
import { getRestoreDrill } from './getRestoreDrill';
import { DEFAULT_RESTORE_DRILL_TIMINGS, RestoreDrillDriver, type RestoreDrillTimings } from './RestoreDrillDriver';
import type { RestoreDrillStore } from './RestoreDrillStore';
import { startRestoreDrill, type RestoreDrillContext } from './startRestoreDrill';
import { tenantBackupTarget } from './tenantBackupTarget';
import { getTenantBackup, startTenantBackup } from './tenantBackups';

/** Dependencies of {@link createBackupWriteRouter}. */
export interface BackupWriteRouterOptions {
  fleet: FleetIndex;
  clients: TenantClusterClients;
  registry: TenantRegistry;
  authorizer: TenantAuthorizer;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  /** Where drill results are recorded besides their Restore. */
  drills?: Pick<RestoreDrillStore, 'upsert'>;
  timings?: Partial<RestoreDrillTimings>;
  now?: () => Date;
}

/** The router and the drill driver to stop at shutdown. */
export function createBackupWriteRouter(options: BackupWriteRouterOptions): { router: express.Router; driver: RestoreDrillDriver } {
  const { fleet, clients, registry, authorizer, httpAuth, auditor, now = () => new Date() } = options;
  const driver = new RestoreDrillDriver(clients, options.logger, { ...DEFAULT_RESTORE_DRILL_TIMINGS, ...options.timings }, now, options.drills);
  const ctx: RestoreDrillContext = { fleet, clients, registry, authorizer, driver, now };
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  /** An audit event and a tenant_audit row around a write on a tenant. */
  async function auditedWrite<T>(req: Request, action: string, tenant: string, actor: string, meta: Record<string, string | boolean | null>, run: () => Promise<T>) {
    const row = await registry.audit({ actor, action, tenant, outcome: 'started' });
    try {
      const result = await audited(auditor, req, action, { tenant, ...meta }, run);
      await registry.finishAudit(row, 'succeeded');
      return result;
    } catch (error) {
      await registry.finishAudit(row, 'failed', (error as Error).message);
      throw error;
    }
  }

  router.post('/backups/tenants/:tenant/schedule', async (req, res) => {
    const tenant = parseRequest(tenantParamSchema, req.params.tenant, 'the tenant', 'tenant');
    const dryRun = booleanQuery(req, 'dryRun', false);
    const credentials = await httpAuth.credentials(req);
    const target = await tenantBackupTarget(ctx, credentials, tenant, tenantUpdatePermission, 'change the backup schedules of');
    if (dryRun) {
      res.json(await applyTenantSchedules(ctx, target, true));
      return;
    }
    res.json(await auditedWrite(req, 'backup-schedule', tenant, initiatorOf(credentials), { dryRun }, () => applyTenantSchedules(ctx, target, false)));
  });

  router.post('/backups/tenants/:tenant/backups', async (req, res) => {
    const tenant = parseRequest(tenantParamSchema, req.params.tenant, 'the tenant', 'tenant');
    const body = parseRequest(tenantBackupRequestSchema, req.body, 'the backup request');
    const credentials = await httpAuth.credentials(req);
    const target = await tenantBackupTarget(ctx, credentials, tenant, tenantUpdatePermission, 'back up');
    const initiator = initiatorOf(credentials);
    const operation = await auditedWrite(req, 'backup-now', tenant, initiator, { cluster: body.cluster ?? null }, () =>
      startTenantBackup(ctx, target, { cluster: body.cluster, initiator, now: now() }),
    );
    res.status(202).json(operation);
  });

  router.get('/backups/tenants/:tenant/backups/:id', async (req, res) => {
    const tenant = parseRequest(tenantParamSchema, req.params.tenant, 'the tenant', 'tenant');
    const id = parseRequest(backupIdParamSchema, req.params.id, 'the backup id', 'id');
    const credentials = await httpAuth.credentials(req);
    const target = await tenantBackupTarget(ctx, credentials, tenant, tenantReadPermission, 'read the backups of');
    res.json(await getTenantBackup(ctx, target, id));
  });

  router.post('/backups/restore-drills', async (req, res) => {
    const request = parseRequest(restoreDrillRequestSchema, req.body, 'the restore drill request');
    const credentials = await httpAuth.credentials(req);
    const initiator = initiatorOf(credentials);
    const operation = await audited(auditor, req, 'restore-drill', { cluster: request.cluster, namespace: request.namespace, keep: request.keep }, () =>
      startRestoreDrill(ctx, request, credentials, initiator),
    );
    // The tenant is known once the namespace was read: the row records the drill as started.
    await registry.audit({ actor: initiator, action: 'restore-drill', tenant: operation.tenant, operationId: operation.id, outcome: 'started' });
    res.status(202).json(operation);
  });

  router.get('/backups/restore-drills/:cluster/:name', async (req, res) => {
    const { cluster, name } = parseRequest(restoreDrillParamsSchema, { cluster: req.params.cluster, name: req.params.name }, 'the restore drill');
    if (!clients.for(cluster)) {
      throw new RequestValidationError([{ field: 'cluster', message: `"${cluster}" is not a cluster Kubeyard knows` }], 'the restore drill');
    }
    const credentials = await httpAuth.credentials(req);
    res.json(await getRestoreDrill(ctx, credentials, cluster, name));
  });

  router.use(fieldErrorHandler);
  return { router, driver };
}

/*
 * The tenant API under /api/kubeyard/tenants. Each endpoint: credentials, permission,
 * validation, then one call into TenantLifecycle; mutating endpoints also emit an audit event.
 * Errors are typed (@backstage/errors), so the backend's error middleware answers 400, 403,
 * 404 and 409; a TenantValidationError answers 400 with the field errors.
 */
import type { AuditorService, BackstageCredentials, HttpAuthService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  tenantCreatePermission,
  tenantDeletePermission,
  tenantReadPermission,
  tenantUpdatePermission,
  type TenantsResponse,
  type VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { FleetIndex } from '../fleet';
import { runningPods } from './decommissionTenant';
import type { TenantClusterClients } from './clusterClient';
import type { TenantAuthorizer } from './tenantPermissions';
import type { TenantLifecycle } from './TenantLifecycle';
import type { TenantRecord, TenantRegistry } from './TenantRegistry';
import { tenantClusterStatuses, tenantDetail, tenantSummary } from './tenantStatus';
import { audited as auditedRequest, booleanQuery, fieldErrorHandler } from './routeHelpers';
import { mergeTenantSpec, validateTenantRequest } from './validateTenantRequest';

/** Dependencies of {@link createTenantRouter}. */
export interface TenantRouterOptions {
  lifecycle: TenantLifecycle;
  registry: TenantRegistry;
  clients: TenantClusterClients;
  fleet: FleetIndex;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: TenantAuthorizer;
}

/** Who is asking, for operation records: a user entity ref or a service subject. */
export function initiatorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { type: string; userEntityRef?: string; subject?: string };
  if (principal.type === 'user') return principal.userEntityRef!;
  if (principal.type === 'service') return principal.subject ?? 'service';
  return 'anonymous';
}

/** The tenant endpoints. */
export function createTenantRouter(options: TenantRouterOptions): express.Router {
  const { lifecycle, registry, clients, fleet, catalog, httpAuth, auditor, authorizer } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  async function tenantOr404(name: string): Promise<TenantRecord> {
    const record = await registry.getTenant(name);
    if (!record) throw new NotFoundError(`no tenant named "${name}"`);
    return record;
  }

  /** Runs a mutating request inside an audit event. */
  const audited = <T>(req: Request, eventId: string, meta: Record<string, string | boolean | null>, run: () => Promise<T>) =>
    auditedRequest(auditor, req, eventId, meta, run, eventId === 'tenant-decommission' ? 'high' : 'medium');

  router.post('/tenants', async (req, res) => {
    const mode = req.query.mode;
    if (mode !== 'plan' && mode !== 'apply') {
      throw new InputError(`query parameter mode must be plan or apply, not ${JSON.stringify(mode ?? null)}`);
    }
    const wait = booleanQuery(req, 'wait', true);
    const credentials = await httpAuth.credentials(req);
    const name = typeof req.body?.name === 'string' ? req.body.name : undefined;
    const run = async () => {
      const existing = name ? await registry.getTenant(name) : undefined;
      if (existing) await authorizer.requireFor(credentials, tenantUpdatePermission, existing, 'update');
      else await authorizer.require(credentials, tenantCreatePermission, 'create tenants');
      const spec = await validateTenantRequest(req.body, { fleet, catalog, credentials, tenants: await registry.listTenants() });
      if (mode === 'plan') return lifecycle.plan(spec);
      return lifecycle.apply(spec, { initiator: initiatorOf(credentials), wait });
    };
    if (mode === 'plan') {
      res.json(await run());
      return;
    }
    const operation = await audited(req, 'tenant-apply', { tenant: name ?? null, wait }, run);
    res.status(wait ? 200 : 202).json(operation);
  });

  router.get('/tenants', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const records = await authorizer.filter(credentials, tenantReadPermission, await registry.listTenants());
    const clusterRecords = await registry.clusterStates();
    const body: TenantsResponse = {
      tenants: records.map(record =>
        tenantSummary(record, tenantClusterStatuses(record, fleet, clusterRecords.filter(r => r.tenant === record.name))),
      ),
    };
    res.json(body);
  });

  router.get('/tenants/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const record = await tenantOr404(req.params.name);
    await authorizer.requireFor(credentials, tenantReadPermission, record, 'read');
    const history = await registry.listOperations(record.name, { since: record.createdAt });
    for (const operation of history) {
      if (operation.kind === 'verify') operation.report = (await registry.operationResult(operation.id)) as VerifyReport | undefined;
    }
    res.json(tenantDetail(record, tenantClusterStatuses(record, fleet, await registry.clusterStates(record.name)), history));
  });

  router.get('/tenants/:name/operations/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const operation = await registry.getOperation(req.params.name, req.params.id);
    if (!operation) throw new NotFoundError(`tenant ${req.params.name} has no operation ${req.params.id}`);
    const record = await registry.getTenant(req.params.name);
    // A decommissioned tenant's last operations stay readable to whoever owned it.
    const owner = record?.owner ?? ((await registry.operationSpec(operation.id))?.owner as string | undefined) ?? '';
    await authorizer.requireFor(credentials, tenantReadPermission, { name: req.params.name, owner }, 'read');
    if (operation.kind === 'verify') operation.report = (await registry.operationResult(operation.id)) as VerifyReport | undefined;
    res.json(operation);
  });

  router.patch('/tenants/:name', async (req, res) => {
    const wait = booleanQuery(req, 'wait', true);
    const credentials = await httpAuth.credentials(req);
    const operation = await audited(req, 'tenant-update', { tenant: req.params.name, wait }, async () => {
      const record = await tenantOr404(req.params.name);
      await authorizer.requireFor(credentials, tenantUpdatePermission, record, 'update');
      const merged = mergeTenantSpec(record.spec, req.body);
      const spec = await validateTenantRequest(merged, { fleet, catalog, credentials, tenants: await registry.listTenants() });
      return lifecycle.apply(spec, { initiator: initiatorOf(credentials), wait });
    });
    res.status(wait ? 200 : 202).json(operation);
  });

  router.delete('/tenants/:name', async (req, res) => {
    const wait = booleanQuery(req, 'wait', true);
    const force = booleanQuery(req, 'force', false);
    const credentials = await httpAuth.credentials(req);
    const operation = await audited(req, 'tenant-decommission', { tenant: req.params.name, force }, async () => {
      const record = await tenantOr404(req.params.name);
      if (req.query.confirm !== record.name) {
        throw new InputError(`to decommission tenant ${record.name}, repeat its name: ?confirm=${record.name}`);
      }
      await authorizer.requireFor(credentials, tenantDeletePermission, record, 'decommission');
      const clusterRecords = await registry.clusterStates(record.name);
      const clusters = [...new Set([...record.spec.clusters, ...clusterRecords.filter(r => r.state !== 'absent').map(r => r.cluster)])];
      const busy = await runningPods(clients, fleet, record.spec, clusters);
      if (busy.length > 0 && !force) {
        const where = busy.map(b => `${b.cluster}: ${b.pods.length} (${b.pods.slice(0, 5).join(', ')}${b.pods.length > 5 ? ', …' : ''})`).join('; ');
        throw new ConflictError(`tenant ${record.name} still runs pods: ${where}; stop them first, or delete with force=true`);
      }
      return lifecycle.decommission(record, { initiator: initiatorOf(credentials), wait });
    });
    res.status(wait ? 200 : 202).json(operation);
  });

  router.post('/tenants/:name/verify', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const report = await audited(req, 'tenant-verify', { tenant: req.params.name }, async () => {
      const record = await tenantOr404(req.params.name);
      await authorizer.requireFor(credentials, tenantUpdatePermission, record, 'verify');
      return lifecycle.verify(record, { initiator: initiatorOf(credentials) });
    });
    res.json(report);
  });

  router.use(fieldErrorHandler);

  return router;
}

/*
 * The backup read API, from the fleet index and the drills recorded in the database (never a
 * cluster): GET /backups, /backups/clusters/:name, /backups/coverage?entityRef=|tenant=,
 * /backups/restore-drills.
 */
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Router } from 'express';
import type { FleetIndex } from '../fleet';
import { BackupEvaluator } from './BackupEvaluator';
import { backupCoverage } from './backupCoverage';
import { entityScope, tenantScope } from './backupScope';
import { backupsSummary } from './backupsSummary';
import { clusterBackups } from './clusterBackups';
import { restoreDrillHistory } from './restoreDrillHistory';
import type { RestoreDrillStore } from './RestoreDrillStore';

/** Dependencies of {@link addBackupRoutes}. */
export interface BackupRoutesOptions {
  fleet: FleetIndex;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** The recorded restore drills; without it drills are known only while their Restore exists. */
  drills?: Pick<RestoreDrillStore, 'list'>;
  /** The current time; the wall clock unless a test says otherwise. */
  now?: () => Date;
}

function singleQuery(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InputError(`query parameter ${name} must be given once, as a string`);
  if (value.length === 0) throw new InputError(`query parameter ${name} is empty`);
  return value;
}

/** Adds the backup read routes to a router (one whose async errors reach the error handler, e.g. express-promise-router). */
export function addBackupRoutes(router: Router, { fleet, catalog, httpAuth, drills, now = () => new Date() }: BackupRoutesOptions): void {
  const evaluator = new BackupEvaluator();
  /** The evaluator with the recorded drills of the clusters (all unless given) bound. */
  const evaluation = async (clusters?: string[]) => (drills ? evaluator.withRecorded(await drills.list({ clusters })) : evaluator);

  router.get('/backups', async (_req, res) => {
    res.json(backupsSummary(fleet.clusters(), await evaluation(), now()));
  });

  router.get('/backups/clusters/:name', async (req, res) => {
    const snapshot = fleet.cluster(req.params.name);
    if (!snapshot) {
      throw new NotFoundError(`no cluster named "${req.params.name}"; configured clusters: ${fleet.clusters().map(c => c.name).join(', ') || 'none'}`);
    }
    res.json(clusterBackups(snapshot, await evaluation([snapshot.name]), now()));
  });

  router.get('/backups/coverage', async (req, res) => {
    const rawRef = singleQuery(req.query.entityRef, 'entityRef');
    const tenant = singleQuery(req.query.tenant, 'tenant');
    if (rawRef !== undefined && tenant !== undefined) {
      throw new InputError('give either entityRef or tenant, not both (e.g. ?entityRef=component:default/payments-api or ?tenant=payments)');
    }
    const snapshots = fleet.clusters();
    if (tenant !== undefined) {
      res.json(backupCoverage(snapshots, await evaluation(), now(), tenantScope(tenant, snapshots)));
      return;
    }
    if (rawRef === undefined) {
      res.json(backupCoverage(snapshots, await evaluation(), now()));
      return;
    }
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(rawRef, { defaultKind: 'component', defaultNamespace: 'default' }));
    } catch (error) {
      throw new InputError(`entityRef "${rawRef}" is not an entity reference (expected kind:namespace/name): ${(error as Error).message}`);
    }
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`no catalog entity ${entityRef}`);
    res.json(backupCoverage(snapshots, await evaluation(), now(), entityScope(entityRef, entity, snapshots)));
  });

  router.get('/backups/restore-drills', async (_req, res) => {
    res.json(restoreDrillHistory(fleet.clusters(), await evaluation(), now()));
  });
}

import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ID_ANNOTATION } from '@kubeyard/backstage-plugin-kubeyard-common';
import express from 'express';
import Router from 'express-promise-router';
import { addBackupRoutes, type RestoreDrillStore } from '../backups';
import { ClusterEvaluator, clusterDetail, clusterSummary } from '../clusters/clusterViews';
import { federationView } from '../federation/federationView';
import type { FleetIndex } from '../fleet';
import { entityWorkloads } from '../workloads/entityWorkloads';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  fleet: FleetIndex;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** The recorded restore drills the backup views read besides the index. */
  drills?: Pick<RestoreDrillStore, 'list'>;
  /** Feature routers mounted after the read API (tenants, ownership). */
  routers?: express.Router[];
}

/**
 * The read API, then the feature routers (tenants, ownership). Every read API response is
 * computed from the fleet index; nothing here waits on a cluster, so one slow or unreachable
 * cluster cannot slow a page down.
 */
export async function createRouter({ fleet, catalog, httpAuth, drills, routers = [] }: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  const evaluator = new ClusterEvaluator();

  router.get('/clusters', async (_req, res) => {
    res.json({ clusters: fleet.clusters().map(snapshot => clusterSummary(snapshot, evaluator)) });
  });

  router.get('/clusters/:name', async (req, res) => {
    const snapshot = fleet.cluster(req.params.name);
    if (!snapshot) {
      throw new NotFoundError(`no cluster named "${req.params.name}"; configured clusters: ${fleet.clusters().map(c => c.name).join(', ') || 'none'}`);
    }
    res.json(clusterDetail(snapshot, evaluator));
  });

  router.get('/workloads', async (req, res) => {
    const raw = req.query.entityRef;
    if (typeof raw !== 'string' || raw.length === 0) {
      throw new InputError('query parameter entityRef is required, e.g. ?entityRef=component:default/payments-api');
    }
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(raw, { defaultKind: 'component', defaultNamespace: 'default' }));
    } catch (error) {
      throw new InputError(`entityRef "${raw}" is not an entity reference (expected kind:namespace/name): ${(error as Error).message}`);
    }
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`no catalog entity ${entityRef}`);
    res.json(entityWorkloads(entityRef, entity, fleet.clusters()));
  });

  router.get('/federation', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { items } = await catalog.getEntities(
      {
        filter: { [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
        fields: ['kind', 'metadata.namespace', 'metadata.name', `metadata.annotations.${KUBERNETES_ID_ANNOTATION}`],
      },
      { credentials },
    );
    const byKubernetesId = new Map(items.map(entity => [entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION], stringifyEntityRef(entity)]));
    res.json(federationView(fleet.clusters(), id => byKubernetesId.get(id)));
  });

  addBackupRoutes(router, { fleet, catalog, httpAuth, drills });

  for (const feature of routers) router.use(feature);

  return router;
}

/*
 * GET /ownership/findings. Callers whose read permission on tenants is unconditional see the
 * whole fleet; callers with a conditional decision (members of owning Groups) see the
 * findings about the tenants they may read.
 */
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBEYARD_LABELS,
  tenantReadPermission,
  type NamespaceInfo,
  type OwnershipFindingsResponse,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type express from 'express';
import Router from 'express-promise-router';
import type { FleetIndex } from '../fleet';
import { tenantEntityName } from './tenantEntityName';
import type { TenantAuthorizer } from '../tenants/tenantPermissions';
import type { TenantRegistry } from '../tenants/TenantRegistry';
import { labelledOwners, ownershipFindings } from './ownershipFindings';

/** Dependencies of {@link createOwnershipRouter}. */
export interface OwnershipRouterOptions {
  fleet: FleetIndex;
  registry: TenantRegistry;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  authorizer: TenantAuthorizer;
}

/** The ownership findings endpoint. */
export function createOwnershipRouter({ fleet, registry, catalog, httpAuth, authorizer }: OwnershipRouterOptions): express.Router {
  const router = Router();
  router.get('/ownership/findings', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const scope = await authorizer.scope(credentials, tenantReadPermission);
    if (scope.denied) throw new NotAllowedError(`not allowed to read tenants (${tenantReadPermission.name})`);
    const tenants = await registry.listTenants();
    const readable = tenants.filter(t => scope.all || scope.allows(t));
    const snapshots = fleet.clusters();
    const owners = labelledOwners(snapshots).filter(ref => ref.startsWith('group:'));
    const groups = owners.length > 0 ? await catalog.getEntitiesByRefs({ entityRefs: owners, fields: ['kind', 'metadata.namespace', 'metadata.name'] }, { credentials }) : { items: [] };
    const { items: tenantEntities } = await catalog.getEntities(
      {
        filter: { kind: 'Resource', 'spec.type': 'kubernetes-tenant' },
        fields: ['kind', 'metadata.namespace', 'metadata.name', `metadata.annotations`, 'spec.owner'],
      },
      { credentials },
    );
    const catalogTenantOwners = new Map<string, string>();
    for (const entity of tenantEntities) {
      const owner = entity.spec?.owner;
      if (typeof owner !== 'string') continue;
      catalogTenantOwners.set(tenantEntityName(entity), owner.includes(':') ? owner : `group:${entity.metadata.namespace ?? 'default'}/${owner}`);
    }
    let findings = ownershipFindings({
      snapshots,
      tenants,
      catalogGroups: new Set(groups.items.filter(e => e && e.kind.toLowerCase() === 'group').map(e => stringifyEntityRef(e!).toLowerCase())),
      catalogTenantOwners,
    });
    if (!scope.all) {
      const names = new Set(readable.map(t => t.name));
      // Only findings about tenants the caller may read: the namespace's tenant label, or the
      // missing tenant's namespace.
      const namespaces = new Map(readable.map(t => [t.spec.namespace ?? t.name, t.name]));
      findings = findings.filter(finding => {
        const ns = snapshots
          .find(s => s.name === finding.object.cluster)
          ?.list<NamespaceInfo>('namespaces')
          .find(n => n.name === finding.object.name);
        const tenant = ns?.labels[KUBEYARD_LABELS.tenant] ?? namespaces.get(finding.object.name);
        return tenant !== undefined && names.has(tenant);
      });
    }
    const body: OwnershipFindingsResponse = { findings };
    res.json(body);
  });
  return router;
}

/*
 * A report narrowed to one catalog entity: a Group → the rows it owns (its tenants'
 * namespaces included, as they carry its owner); a Component → the rows of its workloads (pods
 * labelled with its `backstage.io/kubernetes-id`); a tenant Resource → the tenant's rows.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { KUBERNETES_ID_ANNOTATION, type CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import { tenantEntityName } from '../ownership/tenantEntityName';
import { RequestValidationError } from '../tenants/routeHelpers';
import type { CostCatalog } from './costCatalog';
import type { CostFilters } from './costReport';

/** The filters of an entity. */
export async function entityFilters(entityRef: string, catalog: CostCatalog, credentials: BackstageCredentials): Promise<CostFilters> {
  const entity = await catalog.entity(entityRef, credentials);
  if (!entity) throw new NotFoundError(`no catalog entity ${entityRef}`);
  const kind = entity.kind.toLowerCase();
  if (kind === 'group') return { owner: [stringifyEntityRef(entity).toLowerCase()] };
  if (kind === 'component') {
    const id = entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION];
    if (!id) throw new RequestValidationError([{ field: 'entityRef', message: `${entityRef} has no ${KUBERNETES_ID_ANNOTATION} annotation, so no pods are linked to it` }], 'query parameter entityRef');
    return { workload: [id] };
  }
  if (kind === 'resource' && entity.spec?.type === 'kubernetes-tenant') {
    return { tenant: [tenantEntityName(entity)] };
  }
  throw new RequestValidationError(
    [{ field: 'entityRef', message: `${entityRef} is a ${entity.kind}${entity.spec?.type ? ` of type ${entity.spec.type}` : ''}; costs can be narrowed to a Group, a Component or a Resource of type kubernetes-tenant` }],
    'query parameter entityRef',
  );
}

/** The filters of a query's own parameters (owner, tenant, cluster, namespace). */
export function queryFilters(query: CostReport['query']): CostFilters {
  return {
    ...(query.owner ? { owner: [query.owner.toLowerCase()] } : {}),
    ...(query.tenant ? { tenant: [query.tenant] } : {}),
    ...(query.cluster ? { cluster: [query.cluster] } : {}),
    ...(query.namespace ? { namespace: [query.namespace] } : {}),
  };
}

/** Both sets of filters at once: a column filtered twice keeps the values both allow. */
export function combineFilters(a: CostFilters, b: CostFilters): CostFilters {
  const result: CostFilters = { ...a };
  for (const [column, values] of Object.entries(b) as Array<[keyof CostFilters, string[]]>) {
    const existing = result[column];
    result[column] = existing ? existing.filter(value => values.includes(value)) : values;
  }
  return result;
}

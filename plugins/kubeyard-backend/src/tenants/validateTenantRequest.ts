/*
 * Validating a tenant request before anything is written: the spec's own rules
 * (parseTenantSpec), then the world the backend knows (configured clusters, the catalog with
 * the caller's credentials, cluster headroom from the index, namespaces other tenants hold).
 * Every problem is reported at its field, in one 400.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBEYARD_LABELS,
  parseTenantSpec,
  tenantNamespace,
  validateTenantSpecAgainst,
  type NamespaceInfo,
  type TenantFieldError,
  type TenantSpec,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex } from '../fleet';
import { RequestValidationError } from './routeHelpers';
import { allocatableHeadroom } from './headroom';
import type { TenantRecord } from './TenantRegistry';

/** A tenant request that is not valid; the router answers 400 with the field errors. */
export class TenantValidationError extends RequestValidationError {
  constructor(fields: TenantFieldError[]) {
    super(fields, 'the tenant request');
  }
}

/** What validation reads. */
export interface TenantValidationSources {
  fleet: Pick<FleetIndex, 'clusters'>;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  /** Every tenant in the registry (for namespaces already taken). */
  tenants: TenantRecord[];
}

async function catalogRefs(spec: TenantSpec, sources: TenantValidationSources): Promise<{ groups: string[]; users: string[] }> {
  const wanted = [...new Set([spec.owner, ...spec.admins, ...spec.developers, ...spec.viewers].map(ref => ref.toLowerCase()))];
  const { items } = await sources.catalog.getEntitiesByRefs(
    { entityRefs: wanted, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
    { credentials: sources.credentials },
  );
  const groups: string[] = [];
  const users: string[] = [];
  for (const entity of items) {
    if (!entity) continue;
    const ref = stringifyEntityRef(entity);
    if (entity.kind.toLowerCase() === 'group') groups.push(ref);
    if (entity.kind.toLowerCase() === 'user') users.push(ref);
  }
  return { groups, users };
}

function namespaceProblems(spec: TenantSpec, sources: TenantValidationSources): TenantFieldError[] {
  const namespace = tenantNamespace(spec);
  const field = spec.namespace ? 'namespace' : 'name';
  const errors: TenantFieldError[] = [];
  const holder = sources.tenants.find(t => t.name !== spec.name && tenantNamespace(t.spec) === namespace);
  if (holder) {
    errors.push({ field, message: `namespace "${namespace}" belongs to tenant "${holder.name}"; choose another ${field}` });
    return errors;
  }
  for (const snapshot of sources.fleet.clusters()) {
    if (!spec.clusters.includes(snapshot.name)) continue;
    const ns = snapshot.list<NamespaceInfo>('namespaces').find(n => n.name === namespace);
    const claimedBy = ns?.labels[KUBEYARD_LABELS.tenant];
    if (claimedBy && claimedBy !== spec.name) {
      errors.push({
        field,
        message: `namespace "${namespace}" on cluster "${snapshot.name}" is labelled for tenant "${claimedBy}"; choose another ${field}`,
      });
    }
  }
  return errors;
}

/** Validates a request body; returns the spec with defaults, or throws TenantValidationError. */
export async function validateTenantRequest(body: unknown, sources: TenantValidationSources): Promise<TenantSpec> {
  const parsed = parseTenantSpec(body);
  if (!parsed.success) throw new TenantValidationError(parsed.errors);
  const spec = parsed.spec;
  const snapshots = sources.fleet.clusters();
  const { groups, users } = await catalogRefs(spec, sources);
  const errors = [
    ...validateTenantSpecAgainst(spec, {
      knownClusters: snapshots.map(s => s.name),
      knownGroups: groups,
      knownUsers: users,
      allocatableHeadroom: allocatableHeadroom(snapshots, spec.name),
    }),
    ...namespaceProblems(spec, sources),
  ];
  if (errors.length > 0) throw new TenantValidationError(errors);
  return spec;
}

/**
 * Merges a partial spec into a stored one (JSON Merge Patch, RFC 7386: objects merge, arrays
 * and values replace, null removes), for PATCH /tenants/:name.
 */
export function mergeTenantSpec(stored: TenantSpec, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new TenantValidationError([{ field: '', message: 'the body must be a JSON object with the fields to change' }]);
  }
  const body = patch as Record<string, unknown>;
  if ('name' in body && body.name !== stored.name) {
    throw new TenantValidationError([{ field: 'name', message: `a tenant cannot be renamed (it is "${stored.name}"); create a new tenant instead` }]);
  }
  return mergePatch(stored, body);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

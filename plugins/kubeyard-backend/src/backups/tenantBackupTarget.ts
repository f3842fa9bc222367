/*
 * The tenant a backup request is about: its registry record (owner, clusters, namespace,
 * backup tier), after the caller's permission on it has been checked.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  recoveryTier,
  tenantNamespace,
  type RecoveryTier,
  type TENANT_RESOURCE_TYPE,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { TenantAuthorizer, TenantRegistry } from '../tenants';

/** A tenant as the backup writes see it. */
export interface TenantBackupTarget {
  tenant: string;
  owner: string;
  namespace: string;
  clusters: string[];
  tier: RecoveryTier;
}

/** What resolving a tenant needs. */
export interface TenantBackupSources {
  registry: Pick<TenantRegistry, 'getTenant'>;
  authorizer: Pick<TenantAuthorizer, 'requireFor'>;
}

/**
 * The tenant named `name`; NotFoundError when the registry has none, NotAllowedError when the
 * caller lacks `permission` on it, ConflictError (for writes) while it is being decommissioned.
 */
export async function tenantBackupTarget(
  sources: TenantBackupSources,
  credentials: BackstageCredentials,
  name: string,
  permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>,
  what: string,
): Promise<TenantBackupTarget> {
  const record = await sources.registry.getTenant(name);
  if (!record) throw new NotFoundError(`no tenant named "${name}"`);
  await sources.authorizer.requireFor(credentials, permission, record, what);
  if (record.status === 'Terminating' && permission.attributes.action !== 'read') {
    throw new ConflictError(`tenant ${name} is being decommissioned; its backups can no longer be changed`);
  }
  return {
    tenant: record.name,
    owner: record.owner,
    namespace: tenantNamespace(record.spec),
    clusters: record.spec.clusters,
    tier: recoveryTier(record.spec.backupTier).tier,
  };
}

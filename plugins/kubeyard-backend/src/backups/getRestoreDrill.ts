import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  isKubeyardRestoreDrill,
  KUBEYARD_LABELS,
  tenantReadPermission,
  type RestoreDrillOperation,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { restoreDrillOperation } from './restoreDrillOperation';
import { restoredPods } from './restoredPods';
import type { RestoreDrillContext } from './startRestoreDrill';
import { tenantBackupTarget } from './tenantBackupTarget';
import { veleroNamespaceOf } from './veleroNamespace';

/**
 * GET /backups/restore-drills/:cluster/:name (parameters validated by the router): a drill
 * Kubeyard started, from its Restore, with the restored pods while it is being verified. A
 * drill nobody follows (its backend went away) is taken up.
 */
export async function getRestoreDrill(ctx: RestoreDrillContext, credentials: BackstageCredentials, cluster: string, name: string): Promise<RestoreDrillOperation> {
  const client = ctx.clients.for(cluster);
  if (!client) throw new NotFoundError(`no cluster named "${cluster}"`);
  // Third-party drills (velero CLI) are listed by GET /backups/restore-drills, never followed here.
  const restore = (await client.get({
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: { name, namespace: veleroNamespaceOf(ctx.fleet, cluster) },
  })) as unknown as VeleroRestore | undefined;
  const tenant = restore?.metadata.labels?.[KUBEYARD_LABELS.tenant];
  if (!restore || !tenant || !isKubeyardRestoreDrill(restore)) throw new NotFoundError(`no restore drill ${name} on cluster ${cluster}`);
  await tenantBackupTarget(ctx, credentials, tenant, tenantReadPermission, 'read the restore drills of');
  const operation = restoreDrillOperation(cluster, restore);
  // Takes up an unfinished drill, or the namespace cleanup of a timed-out one (ensure decides).
  ctx.driver.ensure(cluster, restore);
  if (operation.stage !== 'verifying') return operation;
  return restoreDrillOperation(cluster, restore, await restoredPods(client, operation.restoredNamespace));
}

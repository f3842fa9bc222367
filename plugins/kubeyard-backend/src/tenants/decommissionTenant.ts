/*
 * Decommissioning a tenant: its namespace is deleted on every cluster it is on (which removes
 * everything inside it), and the tenant leaves the registry once every namespace is gone.
 * A namespace of that name that does not carry the tenant's labels is someone else's and is
 * left alone. The catalog provider stops listing the tenant when the registry no longer has it.
 */
import {
  tenantNamespace,
  type PodInfo,
  type TenantSpec,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex, KubeObject } from '../fleet';
import { describeKubeError, isUncertain, type TenantClusterClients } from './clusterClient';
import { belongsToTenant } from './liveState';
import type { ExecStep, StepRecorder } from './operationSteps';
import type { TenantOperationContext } from './types';
import { waitForDeletion } from './waitForDeletion';

/** Pods still running (or about to) in the tenant's namespace, per cluster. */
export async function runningPods(
  clients: TenantClusterClients,
  fleet: Pick<FleetIndex, 'cluster'>,
  spec: TenantSpec,
  clusters: string[],
): Promise<Array<{ cluster: string; pods: string[] }>> {
  const namespace = tenantNamespace(spec);
  const active = (phase?: string) => phase !== 'Succeeded' && phase !== 'Failed';
  const found = await Promise.all(
    clusters.map(async cluster => {
      const client = clients.for(cluster);
      try {
        if (!client) throw new Error('not configured');
        const pods = await client.list('v1', 'Pod', { namespace });
        return { cluster, pods: pods.filter(p => active(p.status?.phase)).map(p => p.metadata?.name ?? '') };
      } catch {
        // Unreachable: the index's last view is the best there is.
        const pods = fleet.cluster(cluster)?.list<PodInfo>('pods') ?? [];
        return { cluster, pods: pods.filter(p => p.namespace === namespace && active(p.phase)).map(p => p.name) };
      }
    }),
  );
  return found.filter(entry => entry.pods.length > 0);
}

/** Reads each cluster's tenant namespace and makes one step per cluster. */
export async function buildDecommissionSteps(ctx: TenantOperationContext, spec: TenantSpec, clusters: string[]): Promise<ExecStep[]> {
  const namespace = tenantNamespace(spec);
  const manifest: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
  const key = `/Namespace//${namespace}`;
  return Promise.all(
    clusters.map(async (cluster, seq): Promise<ExecStep> => {
      const step: ExecStep = { seq, cluster, key, action: 'delete', status: 'pending', manifest };
      const client = ctx.clients.for(cluster);
      try {
        if (!client) throw new Error(`cluster ${cluster} is not configured`);
        const [live] = await client.list('v1', 'Namespace', { fieldSelector: `metadata.name=${namespace}` });
        if (!live) return { ...step, action: 'unchanged', status: 'done', error: 'already gone' };
        if (!belongsToTenant(live, spec.name)) {
          return { ...step, action: 'unchanged', status: 'skipped', error: `namespace ${namespace} does not carry tenant ${spec.name}'s labels; left in place` };
        }
        return { ...step, live };
      } catch (error) {
        return { ...step, status: 'failed', error: describeKubeError(error), uncertain: false };
      }
    }),
  );
}

/** Deletes the namespaces (clusters in parallel) and waits until they are gone. */
export async function decommissionTenant(
  ctx: TenantOperationContext,
  steps: ExecStep[],
  recorder: StepRecorder,
  signal: AbortSignal,
): Promise<{ ok: boolean; error?: string; remaining: string[] }> {
  const remaining: string[] = [];
  const errors: string[] = [];
  await Promise.all(
    steps.map(async step => {
      if (step.status === 'failed') {
        remaining.push(step.cluster);
        errors.push(`${step.cluster}: ${step.error}`);
        return;
      }
      if (step.status !== 'pending') return;
      const client = ctx.clients.for(step.cluster)!;
      await recorder.update(step, { status: 'running', started: true });
      try {
        await client.delete(step.manifest, signal);
        await waitForDeletion(client, step.manifest as KubeObject, {
          timeoutMs: ctx.options.namespaceDeletionTimeoutMs,
          pollIntervalMs: ctx.options.pollIntervalMs,
          signal,
        });
        await recorder.update(step, { status: 'done', finished: true });
      } catch (error) {
        step.uncertain = isUncertain(error);
        const text = describeKubeError(error);
        remaining.push(step.cluster);
        errors.push(`${step.cluster}: ${text}`);
        await recorder.update(step, { status: 'failed', error: text, finished: true });
      }
    }),
  );
  if (errors.length === 0) return { ok: true, remaining };
  return { ok: false, remaining, error: `${errors.join('; ')}; the tenant stays Terminating: delete it again to finish` };
}

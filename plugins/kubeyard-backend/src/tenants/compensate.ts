/*
 * Undoing an apply that failed part-way, cluster by cluster:
 *
 * 1. Wait for writes still in flight (a request that ran out of time may yet be carried out)
 *    so that what exists is known before anything is undone.
 * 2. If this operation created the namespace, delete it: it holds every other object of the
 *    tenant, and the API server refuses late writes into a terminating namespace. Wait until
 *    it is gone.
 * 3. Otherwise, in reverse order: delete the objects this operation created, and restore the
 *    ones it changed by applying back the configuration Kubeyard had applied before (taken
 *    from the object's managedFields as it was read before the operation). Server-side apply
 *    then resets the fields Kubeyard owned to their old values and drops the ones it added,
 *    without touching fields other managers own. The restore is forced: the fields were
 *    Kubeyard's before this operation, so taking them back is the rollback.
 *
 * Steps undone become `compensated`. When a cluster cannot be compensated (it went down, a
 * write never settled), its steps keep saying what exists and the operation stays `failed`:
 * applying the spec again completes it, since apply is idempotent.
 */
import type { KubeObject } from '../fleet';
import { appliedConfiguration } from './appliedConfiguration';
import { describeKubeError } from './clusterClient';
import type { ExecStep, StepRecorder } from './operationSteps';
import type { TenantOperationContext } from './types';
import { waitForDeletion } from './waitForDeletion';

/** Whether a step may have changed the cluster. */
export function mayHaveWritten(step: ExecStep): boolean {
  return (step.status === 'done' && step.action !== 'unchanged') || (step.status === 'failed' && Boolean(step.uncertain));
}

/** Result of compensating: which clusters could not be restored, and why. */
export interface CompensationResult {
  ok: boolean;
  failures: Array<{ cluster: string; error: string }>;
}

async function compensateCluster(ctx: TenantOperationContext, cluster: string, steps: ExecStep[], recorder: StepRecorder): Promise<void> {
  const client = ctx.clients.for(cluster);
  if (!client) throw new Error(`cluster ${cluster} is no longer configured`);
  if (!(await client.settle(ctx.options.settleTimeoutMs))) {
    throw new Error(`a write to ${cluster} is still unanswered after ${Math.round(ctx.options.settleTimeoutMs / 1000)} s; its outcome is unknown`);
  }
  const touched = steps.filter(mayHaveWritten);
  if (touched.length === 0) return;
  const createdNamespace = touched.find(step => step.manifest.kind === 'Namespace' && step.action === 'create');
  if (createdNamespace) {
    await client.delete(createdNamespace.manifest);
    await waitForDeletion(client, createdNamespace.manifest as KubeObject, {
      timeoutMs: ctx.options.namespaceDeletionTimeoutMs,
      pollIntervalMs: ctx.options.pollIntervalMs,
    });
    for (const step of touched) await recorder.update(step, { status: 'compensated', finished: true });
    return;
  }
  for (const step of [...touched].reverse()) {
    if (step.action === 'create') {
      await client.delete(step.manifest);
    } else {
      await client.apply(appliedConfiguration(step.live!), { force: true });
    }
    await recorder.update(step, { status: 'compensated', finished: true });
  }
}

/** Undoes what the apply steps wrote, every cluster in parallel. */
export async function compensate(ctx: TenantOperationContext, steps: ExecStep[], recorder: StepRecorder): Promise<CompensationResult> {
  const clusters = [...new Set(steps.map(step => step.cluster))];
  const failures: CompensationResult['failures'] = [];
  await Promise.all(
    clusters.map(async cluster => {
      try {
        await compensateCluster(
          ctx,
          cluster,
          steps.filter(step => step.cluster === cluster),
          recorder,
        );
      } catch (error) {
        const text = describeKubeError(error);
        ctx.logger.warn(`tenant ${recorder.tenant}: compensation on ${cluster} failed: ${text}`);
        failures.push({ cluster, error: `compensation failed: ${text}` });
      }
    }),
  );
  return { ok: failures.length === 0, failures };
}

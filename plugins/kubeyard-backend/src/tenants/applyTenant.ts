/*
 * Applying a tenant: server-side apply as field manager `kubeyard`, clusters in parallel,
 * objects within a cluster one after the other in dependency order (TENANT_KIND_ORDER).
 *
 * Force is off: a field another manager took over (someone ran kubectl edit on the quota)
 * makes the step fail with a conflict naming that manager, rather than being overwritten
 * silently. The first failure on any cluster stops the others at their next step, and what
 * was written is compensated (compensate.ts), so an apply takes effect everywhere or nowhere.
 * Deletions (objects no longer rendered, clusters the tenant leaves) run only after every
 * write succeeded, since a deleted namespace cannot be brought back; if one fails, the
 * operation is left `failed` and applying again finishes it.
 */
import type { KubeObject } from '../fleet';
import { describeKubeError, isUncertain } from './clusterClient';
import { compensate, type CompensationResult } from './compensate';
import type { ApplySteps, ExecStep, StepRecorder } from './operationSteps';
import type { TenantOperationContext } from './types';
import { waitForDeletion } from './waitForDeletion';

/** How an apply ended. */
export interface ApplyOutcome {
  status: 'succeeded' | 'failed' | 'compensated';
  error?: string;
  compensation?: CompensationResult;
}

interface RunState {
  failed?: string;
}

/** Consecutive steps of one kind: they depend on the kinds before them, not on each other. */
function waves(steps: ExecStep[]): ExecStep[][] {
  const result: ExecStep[][] = [];
  for (const step of steps) {
    const last = result[result.length - 1];
    if (last && last[0].manifest.kind === step.manifest.kind) last.push(step);
    else result.push([step]);
  }
  return result;
}

/** What an apply did: created the object, changed it (new resourceVersion), or nothing. */
function actionOf(before: KubeObject | undefined, after: KubeObject): 'create' | 'update' | 'unchanged' {
  if (!before) return 'create';
  return after.metadata?.resourceVersion === before.metadata?.resourceVersion ? 'unchanged' : 'update';
}

async function applyStep(ctx: TenantOperationContext, cluster: string, step: ExecStep, recorder: StepRecorder, run: RunState, signal: AbortSignal) {
  const client = ctx.clients.for(cluster);
  await recorder.update(step, { status: 'running', started: true });
  try {
    if (!client) throw new Error(`cluster ${cluster} is not configured`);
    const result = await client.apply(step.manifest, { signal });
    await recorder.update(step, { status: 'done', action: actionOf(step.live, result), finished: true });
  } catch (error) {
    step.uncertain = isUncertain(error);
    const text = describeKubeError(error);
    run.failed ??= `${cluster}: ${step.key}: ${text}`;
    await recorder.update(step, {
      status: 'failed',
      error: step.uncertain ? `${text} (outcome unknown: the write may have been carried out)` : text,
      finished: true,
    });
  }
}

/**
 * Applies one cluster's steps kind after kind (TENANT_KIND_ORDER): the Namespace before what
 * lives in it, the quota and limits before anything that could start pods, Roles before their
 * bindings. Objects of one kind go out together. A failure anywhere stops the next kind.
 */
async function applyCluster(ctx: TenantOperationContext, cluster: string, steps: ExecStep[], recorder: StepRecorder, run: RunState, signal: AbortSignal) {
  for (const wave of waves(steps)) {
    if (run.failed || signal.aborted) {
      for (const step of wave) {
        await recorder.update(step, { status: 'skipped', error: signal.aborted ? 'interrupted: backend shutting down' : `not attempted: ${run.failed}` });
      }
      continue;
    }
    await Promise.all(wave.map(step => applyStep(ctx, cluster, step, recorder, run, signal)));
  }
}

async function removeCluster(ctx: TenantOperationContext, cluster: string, steps: ExecStep[], recorder: StepRecorder, run: RunState, signal: AbortSignal) {
  const client = ctx.clients.for(cluster);
  for (const step of steps) {
    if (run.failed || signal.aborted) {
      await recorder.update(step, { status: 'skipped', error: signal.aborted ? 'interrupted: backend shutting down' : `not attempted: ${run.failed}` });
      continue;
    }
    await recorder.update(step, { status: 'running', started: true });
    try {
      if (!client) throw new Error(`cluster ${cluster} is not configured`);
      await client.delete(step.manifest, signal);
      if (step.manifest.kind === 'Namespace') {
        await waitForDeletion(client, step.manifest as KubeObject, {
          timeoutMs: ctx.options.namespaceDeletionTimeoutMs,
          pollIntervalMs: ctx.options.pollIntervalMs,
          signal,
        });
      }
      await recorder.update(step, { status: 'done', finished: true });
    } catch (error) {
      step.uncertain = isUncertain(error);
      const text = describeKubeError(error);
      run.failed ??= `${cluster}: ${step.key}: ${text}`;
      await recorder.update(step, { status: 'failed', error: text, finished: true });
    }
  }
}

function byCluster(steps: ExecStep[]): Map<string, ExecStep[]> {
  const groups = new Map<string, ExecStep[]>();
  for (const step of steps) groups.set(step.cluster, [...(groups.get(step.cluster) ?? []), step]);
  return groups;
}

/**
 * Runs recorded steps: writes (every cluster in parallel), then deletions. On a failed write,
 * compensates and reports `compensated`, or `failed` when compensation could not finish; an
 * interrupted run (shutdown) is left `failed` without compensation, for a rerun to complete.
 */
export async function applyTenant(ctx: TenantOperationContext, steps: ApplySteps, recorder: StepRecorder, signal: AbortSignal): Promise<ApplyOutcome> {
  const run: RunState = {};
  await Promise.all([...byCluster(steps.apply)].map(([cluster, clusterSteps]) => applyCluster(ctx, cluster, clusterSteps, recorder, run, signal)));
  if (signal.aborted) {
    return { status: 'failed', error: 'interrupted: the backend shut down during the apply; apply the tenant again to complete it' };
  }
  if (run.failed) {
    for (const step of steps.remove) await recorder.update(step, { status: 'skipped', error: 'not attempted: the apply failed' });
    const compensation = await compensate(ctx, steps.apply, recorder);
    if (compensation.ok) {
      return { status: 'compensated', error: `${run.failed}; everything this operation changed was undone`, compensation };
    }
    const where = compensation.failures.map(f => `${f.cluster} (${f.error})`).join('; ');
    return {
      status: 'failed',
      error: `${run.failed}; could not undo the changes on ${where}: the steps show what exists; apply the tenant again to complete it`,
      compensation,
    };
  }
  await Promise.all([...byCluster(steps.remove)].map(([cluster, clusterSteps]) => removeCluster(ctx, cluster, clusterSteps, recorder, run, signal)));
  if (run.failed) return { status: 'failed', error: `${run.failed}; apply the tenant again to finish removing it` };
  return { status: 'succeeded' };
}

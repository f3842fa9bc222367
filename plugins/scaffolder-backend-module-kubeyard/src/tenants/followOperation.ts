import { setTimeout as delay } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubeyardApi, OperationStep, TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { callBackend } from './backendErrors';
import { manifestKeyLabel } from './planText';

/** How followOperation polls. */
export interface FollowOperationOptions {
  intervalMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

function stepKey(step: OperationStep): string {
  return `${step.cluster}\u0000${step.object}`;
}

function logStep(logger: LoggerService, step: OperationStep): void {
  const line = `[${step.cluster}] ${step.action} ${manifestKeyLabel(step.object)}: ${step.status}`;
  if (step.status === 'failed') logger.error(`${line}: ${step.error ?? 'no reason given'}`);
  else if (step.status === 'compensated' || step.status === 'skipped') logger.warn(step.error ? `${line}: ${step.error}` : line);
  else logger.info(line);
}

/** Waits `ms`, or rejects when the task is cancelled. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal, ref: false });
  } catch (error) {
    if (signal?.aborted) throw new Error('the task was cancelled');
    throw error;
  }
}

/**
 * Polls an operation until it leaves `running`, logging every step's transition (cluster,
 * object, action, status, error) as it is seen, so the task log shows the apply progressing.
 */
export async function followOperation(
  client: Pick<KubeyardApi, 'getOperation'>,
  first: TenantOperation,
  logger: LoggerService,
  options: FollowOperationOptions,
): Promise<TenantOperation> {
  const seen = new Map<string, OperationStep['status']>();
  const clusters = new Set(first.steps.map(s => s.cluster));
  logger.info(`Operation ${first.id}: ${first.steps.length} steps on ${clusters.size} cluster(s)`);
  const report = (operation: TenantOperation) => {
    for (const step of operation.steps) {
      const key = stepKey(step);
      // Pending is where every step starts; only what happens to it is news.
      if (seen.get(key) !== step.status && !(step.status === 'pending' && !seen.has(key))) logStep(logger, step);
      seen.set(key, step.status);
    }
  };
  const deadline = Date.now() + options.timeoutMs;
  let operation = first;
  report(operation);
  while (operation.status === 'running') {
    if (Date.now() >= deadline) {
      throw new Error(
        `operation ${operation.id} on tenant ${operation.tenant} is still running after ${Math.round(
          options.timeoutMs / 60_000,
        )} minutes; it carries on in kubeyard-backend, follow it on the tenant page`,
      );
    }
    await sleep(options.intervalMs, options.signal);
    const { tenant, id } = operation;
    operation = await callBackend(() => client.getOperation(tenant, id));
    report(operation);
  }
  return operation;
}

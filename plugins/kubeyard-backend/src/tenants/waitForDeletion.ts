import type { KubeObject } from '../fleet';
import type { TenantClusterClient } from './clusterClient';

/**
 * Waits until a deleted object is gone. A namespace stays Terminating until its contents are
 * removed; Kubeyard reports it gone only when the API server says 404.
 */
export async function waitForDeletion(
  client: TenantClusterClient,
  obj: KubeObject,
  options: { timeoutMs: number; pollIntervalMs: number; signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (!(await client.get(obj))) return;
    if (options.signal?.aborted) throw new Error(`${obj.kind} ${obj.metadata?.name} is still being deleted (interrupted)`);
    if (Date.now() > deadline) {
      throw new Error(`${obj.kind} ${obj.metadata?.name} is still being deleted after ${Math.round(options.timeoutMs / 1000)} s; run the operation again to finish`);
    }
    await new Promise(resolve => setTimeout(resolve, options.pollIntervalMs));
  }
}

import { callBackend } from '../tenants/backendErrors';
import { sleep } from '../tenants/followOperation';

/** How pollUntil polls. */
export interface PollOptions {
  intervalMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** What is being followed, for the timeout message (e.g. "backup shop-20250601…"). */
  what: string;
}

/**
 * Reads a backend operation until `done`, handing every answer to `report` (which logs what
 * changed). Past the timeout the step fails; the operation itself carries on in the backend.
 */
export async function pollUntil<T>(first: T, read: () => Promise<T>, done: (value: T) => boolean, report: (value: T) => void, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let value = first;
  report(value);
  while (!done(value)) {
    if (Date.now() >= deadline) {
      throw new Error(`${options.what} is still running after ${Math.round(options.timeoutMs / 60_000)} minutes; it carries on in kubeyard-backend`);
    }
    await sleep(options.intervalMs, options.signal);
    value = await callBackend(read);
    report(value);
  }
  return value;
}

/** Calls `log` with a line only when it differs from the last line logged under the same key. */
export function changeLogger(log: (line: string) => void): (key: string, line: string) => void {
  const last = new Map<string, string>();
  return (key, line) => {
    if (last.get(key) === line) return;
    last.set(key, line);
    log(line);
  };
}

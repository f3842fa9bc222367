/*
 * The admin endpoint (/_admin, loopback only): set and clear faults per cluster, advance the
 * simulated clock, and list the served clusters.
 *
 *   POST   /_admin/faults/:cluster   {latencyMs?, errorStatus?, down?, pathPattern?, count?}
 *   DELETE /_admin/faults[/:cluster]
 *   GET    /_admin/faults
 *   POST   /_admin/clock/advance     {ms}
 *   GET    /_admin/clock
 *   GET    /_admin/clusters
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterFaults, SimClock } from '../types';
import type { ClusterFaultController } from './faults';
import { decodeBody, readBody, sendJson } from './responses';

/** A served cluster as the admin endpoint lists it. */
export interface AdminClusterInfo {
  name: string;
  url: string;
  token: string;
  resourceVersion: string;
  watchers: number;
}

/** What the admin endpoint controls. */
export interface AdminContext {
  faults: ClusterFaultController;
  clock: SimClock;
  clusters(): AdminClusterInfo[];
}

const FAULT_KEYS: Record<keyof ClusterFaults, string> = {
  latencyMs: 'number',
  errorStatus: 'number',
  down: 'boolean',
  pathPattern: 'string',
  count: 'number',
};

function parseFaults(body: unknown): ClusterFaults | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object';
  const faults: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const type = FAULT_KEYS[key as keyof ClusterFaults];
    if (!type) return `unknown fault "${key}"; known: ${Object.keys(FAULT_KEYS).join(', ')}`;
    if (typeof value !== type) return `"${key}" must be a ${type}`;
    faults[key] = value;
  }
  if (faults.errorStatus !== undefined && ((faults.errorStatus as number) < 400 || (faults.errorStatus as number) > 599)) {
    return '"errorStatus" must be an HTTP error status (400-599)';
  }
  if (faults.pathPattern !== undefined) {
    try {
      RegExp(faults.pathPattern as string);
    } catch {
      return '"pathPattern" is not a valid regular expression';
    }
  }
  return faults as ClusterFaults;
}

/** Builds the admin request handler. */
export function createAdminHandler(ctx: AdminContext) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
    const known = () => new Set(ctx.clusters().map(c => c.name));
    const fail = (code: number, error: string) => sendJson(res, code, { error });
    let body: unknown;
    try {
      body = method === 'POST' ? decodeBody(await readBody(req), 'application/json') : undefined;
    } catch {
      fail(400, 'the body must be JSON');
      return;
    }

    if (parts[0] === 'clusters' && parts.length === 1 && method === 'GET') {
      sendJson(res, 200, { clusters: ctx.clusters() });
      return;
    }
    if (parts[0] === 'faults') {
      const cluster = parts[1];
      if (method === 'GET' && !cluster) {
        sendJson(res, 200, { faults: Object.fromEntries(ctx.clusters().map(c => [c.name, ctx.faults.get(c.name) ?? null])) });
        return;
      }
      if (cluster && !known().has(cluster)) {
        fail(404, `unknown cluster "${cluster}"`);
        return;
      }
      if (method === 'POST' && cluster) {
        const faults = parseFaults(body);
        if (typeof faults === 'string') {
          fail(400, faults);
          return;
        }
        ctx.faults.set(cluster, faults);
        sendJson(res, 200, { cluster, faults });
        return;
      }
      if (method === 'DELETE') {
        ctx.faults.clear(cluster);
        sendJson(res, 200, { cleared: cluster ?? 'all' });
        return;
      }
      if (method === 'GET' && cluster) {
        sendJson(res, 200, { cluster, faults: ctx.faults.get(cluster) ?? null });
        return;
      }
    }
    if (parts[0] === 'clock') {
      if (method === 'GET' && parts.length === 1) {
        sendJson(res, 200, { now: ctx.clock.now().toISOString() });
        return;
      }
      if (method === 'POST' && parts[1] === 'advance') {
        const ms = (body as { ms?: unknown } | undefined)?.ms;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
          fail(400, '"ms" must be a non-negative number of milliseconds');
          return;
        }
        await ctx.clock.advance(ms);
        sendJson(res, 200, { now: ctx.clock.now().toISOString() });
        return;
      }
    }
    fail(404, `no admin route for ${method} ${path}`);
  };
}

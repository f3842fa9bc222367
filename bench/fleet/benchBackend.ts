import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const PORT = Number(process.env.KUBEYARD_BENCH_PORT ?? 7027);

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/**
 * Starts the reference backend (packages/backend, both the kubernetes plugin and Kubeyard) on
 * its own port against the given clusters, with one catalog Component for `entity`, and
 * returns a fetch that carries a guest token.
 */
export async function startBenchBackend(options: { connections: Array<{ name: string; url: string; serviceAccountToken?: string; skipTLSVerify?: boolean }>; entity: string }) {
  const dir = path.join(root, '.data', 'bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  const entityFile = path.join(dir, 'entity.yaml');
  fs.writeFileSync(
    entityFile,
    JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: options.entity, annotations: { 'backstage.io/kubernetes-id': options.entity } },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform-team' },
    }),
  );
  const base = `http://localhost:${PORT}`;
  const configFile = path.join(dir, 'app-config.bench.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl: base },
      backend: { baseUrl: base, listen: { port: PORT }, database: { client: 'better-sqlite3', connection: { directory: path.join(dir, 'sqlite') } } },
      catalog: { locations: [{ type: 'file', target: entityFile }] },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          { type: 'config', clusters: options.connections.map(c => ({ ...c, authProvider: 'serviceAccount', skipMetricsLookup: true })) },
        ],
      },
    }),
  );
  // scripts/lib/backend.js runs the backend from source without a file watcher.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startBackend } = require('../../scripts/lib/backend');
  const child = startBackend({ configs: [path.join(root, 'app-config.yaml'), configFile], logFile: path.join(dir, 'backend.log') });
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  try {
    await waitFor('backend', async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok, 240_000);
    const session = await (await fetch(`${base}/api/auth/guest/refresh`)).json();
    const token: string = session.backstageIdentity.token;
    const authed = (p: string, init: RequestInit = {}) =>
      fetch(`${base}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    await waitFor('catalog entity', async () => (await authed(`/api/catalog/entities/by-name/component/default/${options.entity}`)).ok, 240_000);
    await waitFor('kubeyard index', async () => {
      const body = await (await authed('/api/kubeyard/clusters')).json();
      return body.clusters?.length === options.connections.length && body.clusters.every((c: any) => c.sync.state === 'synced');
    }, 600_000);
    return { fetch: authed, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (log: ${path.relative(root, path.join(dir, 'backend.log'))})`);
  }
}

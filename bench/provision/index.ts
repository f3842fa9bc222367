/*
 * bench/provision: one tenant on 3 simulated clusters, provisioned by Kubeyard vs by
 * `kubectl apply --server-side -f` of the same rendered manifests, cluster after cluster
 * (what a platform engineer's script does). Goal: Kubeyard ≥ 5x faster.
 *
 * The clusters are served by the kube-simulator command in its own process, as an API server
 * would be. Kubeyard runs in this process, exactly what `POST /api/kubeyard/tenants?mode=apply`
 * runs — validation (catalog stubbed), the registry on SQLite, the lock, recorded steps,
 * server-side apply with clusters in parallel — minus HTTP and authentication, which add about
 * a millisecond (startTestBackend is jest-only, and the reference backend takes minutes to
 * start). kubectl gets a warm discovery cache first, so its figure is its best case.
 *
 *   KUBEYARD_BENCH_ROUNDS=7   tenants per side (median reported)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { renderTenant, type TenantSpecInput } from '@kubeyard/backstage-plugin-kubeyard-common';
import knexFactory from 'knex';
import { stringify } from 'yaml';
import { ConfigClusterLocator, DEFAULT_WATCHER_OPTIONS, FLEET_TYPES, FleetIndex, TENANT_TYPES } from '../../plugins/kubeyard-backend/src/fleet';
import { tenantScenario } from '../../plugins/kubeyard-backend/src/testing/tenantScenario';
import { migrateTenantRegistry } from '../../plugins/kubeyard-backend/src/tenants/migrations';
import { TenantClusterClients } from '../../plugins/kubeyard-backend/src/tenants/clusterClient';
import { TenantLifecycle } from '../../plugins/kubeyard-backend/src/tenants/TenantLifecycle';
import { TenantRegistry } from '../../plugins/kubeyard-backend/src/tenants/TenantRegistry';
import { DEFAULT_TENANT_OPERATION_OPTIONS } from '../../plugins/kubeyard-backend/src/tenants/types';
import { validateTenantRequest } from '../../plugins/kubeyard-backend/src/tenants/validateTenantRequest';
import { benchLogger } from '../lib/logger';
import { ms, percentile, report } from '../lib/stats';

const CLUSTERS = ['prov-a', 'prov-b', 'prov-c'];
const ROUNDS = Number(process.env.KUBEYARD_BENCH_ROUNDS ?? 7);
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

function input(name: string): TenantSpecInput {
  return {
    name,
    displayName: `Bench ${name}`,
    owner: 'group:default/team-payments',
    clusters: CLUSTERS,
    environment: 'staging',
    costCenter: 'cc-1001',
    contact: 'payments@example.com',
    tier: { preset: 's' },
    network: { allowedNamespaces: [{ namespace: 'payments-db', ports: [{ port: 5432 }] }], internetEgress: true },
    admins: ['user:default/alice'],
    developers: ['group:default/team-payments'],
    viewers: ['group:default/auditors'],
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.stderr.on('data', chunk => (out += chunk));
    child.on('error', reject);
    child.on('close', code => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${out}`))));
  });
}

/** Starts the kube-simulator command; resolves with its clusters once it serves them all. */
function startSimulatorProcess(scenarioFile: string, kubeconfig: string, clusters: number) {
  const bin = path.resolve(__dirname, '../../packages/kube-simulator/bin/kube-simulator.js');
  const child = spawn(process.execPath, [bin, '--scenario', scenarioFile, '--port', '0', '--seed', '11', '--kubeconfig-out', kubeconfig], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const served = new Promise<Array<{ name: string; url: string; token: string }>>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const lines = out.split('\n').filter(Boolean);
      if (lines.length >= clusters) resolve(lines.map(line => { const [name, url, token] = line.split('\t'); return { name, url, token }; }));
    });
    child.stderr.on('data', chunk => (err += chunk));
    child.on('close', code => reject(new Error(`kube-simulator exited ${code}: ${err}`)));
  });
  return { served, stop: () => child.kill('SIGTERM') };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-bench-provision-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const scenarioFile = path.join(dir, 'scenario.yaml');
  fs.writeFileSync(scenarioFile, stringify(tenantScenario(CLUSTERS, 16)));
  const sim = startSimulatorProcess(scenarioFile, kubeconfig, CLUSTERS.length);
  const connections = (await sim.served).map(c => ({ name: c.name, url: c.url, authProvider: 'serviceAccount', serviceAccountToken: c.token, skipTLSVerify: true }));
  const fleet = new FleetIndex(
    new ConfigClusterLocator(new ConfigReader({ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: connections }] } })),
    [...FLEET_TYPES, ...TENANT_TYPES],
    benchLogger(),
    { ...DEFAULT_WATCHER_OPTIONS, relocateIntervalMs: 3_600_000 },
  );
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  try {
    await fleet.start();
    while (fleet.clusters().some(c => c.sync.state !== 'synced')) await new Promise(r => setTimeout(r, 20));
    await migrateTenantRegistry(knex);
    const registry = new TenantRegistry(knex);
    const clients = new TenantClusterClients(fleet, { requestTimeoutMs: 30_000 });
    const lifecycle = new TenantLifecycle({ registry, clients, logger: benchLogger(), options: DEFAULT_TENANT_OPERATION_OPTIONS });
    const catalog = {
      async getEntitiesByRefs({ entityRefs }: { entityRefs: string[] }) {
        return {
          items: entityRefs.map(ref => {
            const [kind, rest] = ref.split(':');
            const [namespace, name] = rest.split('/');
            return { apiVersion: 'backstage.io/v1alpha1', kind: kind === 'group' ? 'Group' : 'User', metadata: { namespace, name } };
          }),
        };
      },
    } as any;
    const credentials = { $$type: '@backstage/BackstageCredentials', principal: { type: 'user', userEntityRef: 'user:default/bench' } } as any;

    const kubeyard = async (name: string) => {
      const spec = await validateTenantRequest(input(name), { fleet, catalog, credentials, tenants: await registry.listTenants() });
      const op = await lifecycle.apply(spec, { initiator: 'user:default/bench' });
      if (op.status !== 'succeeded') throw new Error(`apply ${name}: ${op.status} ${op.error}`);
      return op.steps.length;
    };
    const env = { ...process.env, KUBECACHEDIR: path.join(dir, 'kube-cache'), HOME: dir };
    const kubectl = async (name: string) => {
      let objects = 0;
      for (const cluster of CLUSTERS) {
        const spec = (await validateTenantRequest(input(name), { fleet, catalog, credentials, tenants: [] })) as any;
        const manifests = renderTenant(spec, { clusterName: cluster });
        objects += manifests.length;
        // A multi-document YAML file, as a script would keep it.
        const file = path.join(dir, `${name}-${cluster}.yaml`);
        fs.writeFileSync(file, manifests.map(m => stringify(m)).join('---\n'));
        await run(KUBECTL, ['--kubeconfig', kubeconfig, '--context', cluster, 'apply', '--server-side', '--field-manager=kubeyard', '-f', file], env);
      }
      return objects;
    };

    // Warm-ups: kubectl's discovery cache, Kubeyard's connections.
    for (const cluster of CLUSTERS) await run(KUBECTL, ['--kubeconfig', kubeconfig, '--context', cluster, 'api-resources'], env);
    await kubectl('warm-kubectl');
    await kubeyard('warm-kubeyard');

    const kubeyardMs: number[] = [];
    const kubectlMs: number[] = [];
    let objects = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let started = process.hrtime.bigint();
      objects = await kubectl(`k-${round}`);
      kubectlMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      started = process.hrtime.bigint();
      const steps = await kubeyard(`y-${round}`);
      kubeyardMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (steps !== objects) throw new Error(`Kubeyard applied ${steps} objects, kubectl ${objects}`);
    }
    // Idempotence costs: applying an unchanged tenant again.
    const again: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      await kubeyard(`y-${round}`);
      again.push(Number(process.hrtime.bigint() - started) / 1e6);
    }

    console.log(`bench/provision: one tenant (${objects / CLUSTERS.length} objects) on ${CLUSTERS.length} clusters, ${ROUNDS} rounds, median`);
    report('kubectl apply --server-side -f, cluster after cluster (baseline)', ms(percentile(kubectlMs, 50)));
    report('Kubeyard apply (validate, lock, record, SSA, clusters in parallel)', ms(percentile(kubeyardMs, 50)));
    report('Kubeyard apply of an unchanged tenant (all steps unchanged)', ms(percentile(again, 50)));
    report('ratio kubectl / Kubeyard (goal ≥ 5)', (percentile(kubectlMs, 50) / percentile(kubeyardMs, 50)).toFixed(1));
    await lifecycle.stop();
    await clients.close();
  } finally {
    fleet.stop();
    await knex.destroy();
    sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

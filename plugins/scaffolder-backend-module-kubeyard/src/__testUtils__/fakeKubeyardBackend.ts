/*
 * Test double of kubeyard-backend's tenant API: a real HTTP server, so the actions are tested
 * through the real KubeyardClient, answering with contract-shaped JSON. It validates with the
 * shared schema and renders the real manifests; operations advance one step per poll.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ClusterPlan,
  KubeManifest,
  KubeyardDiscovery,
  manifestKey,
  ObjectAction,
  OperationStep,
  parseTenantSpec,
  PlannedObject,
  renderTenant,
  TenantOperation,
  TenantPlan,
  TenantSpec,
  TenantSpecInput,
  tenantNamespace,
  VerifyCheck,
  VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { FakeBackupOptions, fakeBackupRoutes } from './fakeBackupRoutes';
import { HttpError } from './httpError';

/** How the fake behaves. */
export interface FakeBackendOptions {
  /** Clusters the fake knows; others are refused with a field error. */
  clusters: string[];
  /** Clusters planned as unreachable. */
  unreachable?: string[];
  /** Tenants that exist before the test starts. */
  applied?: TenantSpecInput[];
  /** Fails the apply of the first object of `kind` on `cluster`, ending the operation with `outcome`. */
  failApply?: { cluster: string; kind: string; error: string; outcome: 'failed' | 'compensated' };
  /** Verify checks (by name) that fail, with the actual outcome they report. */
  failingChecks?: Record<string, string>;
  /** Adds Backstage's `response` member to error bodies, as its errorHandler writes them. */
  errorBodiesWithResponse?: boolean;
  /** How the backup endpoints behave. */
  backups?: FakeBackupOptions;
}

/** A request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** A running fake backend. */
export interface FakeKubeyardBackend {
  discovery: KubeyardDiscovery;
  requests: RecordedRequest[];
  close(): Promise<void>;
}


function flatten(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, value);
  }
  return into;
}

function diffOf(before: KubeManifest, after: KubeManifest): PlannedObject['diff'] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter(p => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)));
  return paths.sort().map(path => ({ path, before: a.get(path), after: b.get(path) }));
}

function planned(manifest: KubeManifest, action: ObjectAction, diff?: PlannedObject['diff']): PlannedObject {
  return {
    key: manifestKey(manifest),
    apiVersion: manifest.apiVersion,
    kind: manifest.kind,
    namespace: manifest.metadata.namespace,
    name: manifest.metadata.name,
    action,
    ...(diff ? { diff } : {}),
  };
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeKubeyardBackend(options: FakeBackendOptions): Promise<FakeKubeyardBackend> {
  const applied = new Map<string, TenantSpec>();
  const operations = new Map<string, TenantOperation & { pendingSpec: TenantSpec }>();
  const requests: RecordedRequest[] = [];
  let nextOperation = 1;

  const validate = (body: unknown): TenantSpec => {
    const parsed = parseTenantSpec(body);
    if (!parsed.success) throw new HttpError(400, 'InputError', 'The tenant spec is invalid', parsed.errors);
    const unknown = parsed.spec.clusters
      .map((cluster, index) => ({ cluster, index }))
      .filter(({ cluster }) => !options.clusters.includes(cluster));
    if (unknown.length > 0) {
      throw new HttpError(
        400,
        'InputError',
        'The tenant spec is invalid',
        unknown.map(({ cluster, index }) => ({
          field: `clusters.${index}`,
          message: `"${cluster}" is not a cluster Kubeyard knows (known: ${options.clusters.join(', ')})`,
        })),
      );
    }
    return parsed.spec;
  };

  for (const input of options.applied ?? []) {
    const spec = validate(input);
    applied.set(spec.name, spec);
  }

  const planOf = (spec: TenantSpec): TenantPlan => {
    const previous = applied.get(spec.name);
    const clusters: ClusterPlan[] = spec.clusters.map(cluster => {
      if (options.unreachable?.includes(cluster)) {
        return { cluster, reachable: false, error: 'connect ECONNREFUSED 10.0.0.1:6443', objects: [] };
      }
      const live = new Map(
        (previous?.clusters.includes(cluster) ? renderTenant(previous, { clusterName: cluster }) : []).map(m => [manifestKey(m), m]),
      );
      const wanted = renderTenant(spec, { clusterName: cluster });
      const objects = wanted.map(manifest => {
        const before = live.get(manifestKey(manifest));
        live.delete(manifestKey(manifest));
        if (!before) return planned(manifest, 'create');
        const diff = diffOf(before, manifest);
        return diff?.length ? planned(manifest, 'update', diff) : planned(manifest, 'unchanged');
      });
      objects.push(...[...live.values()].map(m => planned(m, 'delete')));
      return { cluster, reachable: true, objects };
    });
    const summary: Record<ObjectAction, number> = { create: 0, update: 0, unchanged: 0, delete: 0 };
    for (const object of clusters.flatMap(c => c.objects)) summary[object.action] += 1;
    return { tenant: spec.name, spec, clusters, summary };
  };

  const startApply = (spec: TenantSpec): TenantOperation => {
    if ([...operations.values()].some(op => op.tenant === spec.name && op.status === 'running')) {
      throw new HttpError(409, 'ConflictError', `tenant ${spec.name} already has an operation running`);
    }
    const plan = planOf(spec);
    const unreachable = plan.clusters.find(c => !c.reachable);
    if (unreachable) throw new HttpError(503, 'ServiceUnavailableError', `cluster ${unreachable.cluster} is unreachable`);
    const steps: OperationStep[] = plan.clusters.flatMap(c =>
      c.objects.map(o => ({ cluster: c.cluster, object: o.key, action: o.action, status: 'pending' as const })),
    );
    const operation = {
      id: `op-${nextOperation++}`,
      tenant: spec.name,
      kind: 'apply' as const,
      status: 'running' as const,
      initiator: 'user:default/mock',
      startedAt: new Date().toISOString(),
      steps,
      pendingSpec: spec,
    };
    operations.set(operation.id, operation);
    return operation;
  };

  // One poll moves the operation one step on: the running step ends, the next one starts.
  const advance = (operation: TenantOperation & { pendingSpec: TenantSpec }) => {
    if (operation.status !== 'running') return;
    const now = new Date().toISOString();
    const running = operation.steps.find(s => s.status === 'running');
    if (running) {
      const failure = options.failApply;
      if (failure && running.cluster === failure.cluster && running.object.split('/')[1] === failure.kind) {
        running.status = 'failed';
        running.error = failure.error;
        running.finishedAt = now;
        operation.status = failure.outcome;
        operation.error = `${running.cluster}: ${running.object}: ${failure.error}`;
        operation.finishedAt = now;
        for (const step of operation.steps) {
          if (failure.outcome === 'compensated' && step.status === 'done') step.status = 'compensated';
          if (failure.outcome === 'compensated' && step.status === 'pending') step.status = 'skipped';
        }
        return;
      }
      running.status = 'done';
      running.finishedAt = now;
    }
    const next = operation.steps.find(s => s.status === 'pending');
    if (next) {
      next.status = 'running';
      next.startedAt = now;
      return;
    }
    operation.status = 'succeeded';
    operation.finishedAt = now;
    applied.set(operation.tenant, operation.pendingSpec);
  };

  const verify = (name: string): VerifyReport => {
    const spec = applied.get(name);
    if (!spec) throw new HttpError(404, 'NotFoundError', `tenant ${name} not found`);
    const namespace = tenantNamespace(spec);
    const startedAt = new Date().toISOString();
    const checks: VerifyCheck[] = spec.clusters.flatMap(cluster => {
      const check = (category: VerifyCheck['category'], checkName: string, expected: string): VerifyCheck => {
        const failedActual = options.failingChecks?.[checkName];
        return { cluster, category, name: checkName, expected, actual: failedActual ?? expected, pass: failedActual === undefined };
      };
      return [
        check('rbac', `tenant-admin may create deployments in ${namespace}`, 'allowed'),
        check('rbac', `tenant-admin may not update resourcequotas in ${namespace}`, 'denied'),
        check('rbac', `tenant-viewer may not get secrets in ${namespace}`, 'denied'),
        check('rbac', 'tenant-developer may not list pods in default', 'denied'),
        check('network', `pods in another namespace cannot reach ${namespace}`, 'denied'),
        check('quota', 'ResourceQuota tenant-quota present', 'present'),
        check('limits', 'LimitRange tenant-limits present', 'present'),
      ];
    });
    const failed = checks.filter(c => !c.pass).length;
    return { tenant: name, startedAt, finishedAt: new Date().toISOString(), passed: checks.length - failed, failed, checks };
  };

  const backupRoute = fakeBackupRoutes(options.backups ?? {}, applied);

  const route = (method: string, url: URL, body: unknown): unknown => {
    const path = url.pathname.replace(/^\/api\/kubeyard/, '');
    if (path.startsWith('/backups/')) return backupRoute(method, path, url, body);
    if (method === 'POST' && path === '/tenants') {
      const spec = validate(body);
      if (url.searchParams.get('mode') === 'plan') return planOf(spec);
      if (url.searchParams.get('mode') === 'apply' && url.searchParams.get('wait') === 'false') return startApply(spec);
      throw new HttpError(400, 'InputError', 'the fake supports mode=plan and mode=apply&wait=false');
    }
    const operation = /^\/tenants\/([^/]+)\/operations\/([^/]+)$/.exec(path);
    if (method === 'GET' && operation) {
      const found = operations.get(decodeURIComponent(operation[2]));
      if (!found || found.tenant !== decodeURIComponent(operation[1])) {
        throw new HttpError(404, 'NotFoundError', `operation ${operation[2]} not found`);
      }
      advance(found);
      const { pendingSpec: _spec, ...response } = found;
      return response;
    }
    const verifyPath = /^\/tenants\/([^/]+)\/verify$/.exec(path);
    if (method === 'POST' && verifyPath) return verify(decodeURIComponent(verifyPath[1]));
    throw new HttpError(404, 'NotFoundError', `no route for ${method} ${path}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      send(200, route(req.method ?? 'GET', url, text ? JSON.parse(text) : undefined));
    } catch (error) {
      if (!(error instanceof HttpError)) {
        send(500, { error: { name: 'Error', message: String(error) } });
        return;
      }
      send(error.status, {
        error: { name: error.name, message: error.message },
        ...(error.fields ? { fields: error.fields } : {}),
        ...(options.errorBodiesWithResponse ? { response: { statusCode: error.status } } : {}),
      });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    discovery: { getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}` },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        // Keep-alive sockets of fetch would hold the server open for seconds.
        server.closeAllConnections();
      }),
  };
}

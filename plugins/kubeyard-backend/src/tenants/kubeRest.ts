/*
 * A small REST client for the Kubernetes API: plain JSON in and out. client-node's typed
 * models rename fields that are reserved words in TypeScript (`default` → `_default`,
 * `from` → `_from`, `except` → `_except`) and drop fields they do not know, so objects sent
 * through them lose exactly such fields (a LimitRange's `default`, a NetworkPolicy's `from`).
 * Kubeyard writes security-relevant objects, so it sends and reads them byte for byte.
 * Authentication and TLS come from client-node's KubeConfig.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../fleet';

/** A Kubernetes API error answer: `code` is the HTTP status, `body` the Status object. */
export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly body: { message?: string; reason?: string; details?: unknown } | string,
  ) {
    super(typeof body === 'string' ? `HTTP ${code}: ${body.slice(0, 200)}` : `HTTP ${code}: ${body?.message ?? body?.reason ?? 'error'}`);
    this.name = 'KubeApiError';
  }
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/** The REST mapping of the kinds Kubeyard reads and writes (no discovery round trips): the tenant bundle and Velero's. */
const RESOURCES: Record<string, ResourceInfo> = {
  'v1/Namespace': { plural: 'namespaces', namespaced: false },
  'v1/ResourceQuota': { plural: 'resourcequotas', namespaced: true },
  'v1/LimitRange': { plural: 'limitranges', namespaced: true },
  'v1/ServiceAccount': { plural: 'serviceaccounts', namespaced: true },
  'v1/Service': { plural: 'services', namespaced: true },
  'v1/Pod': { plural: 'pods', namespaced: true },
  'networking.k8s.io/v1/NetworkPolicy': { plural: 'networkpolicies', namespaced: true },
  'rbac.authorization.k8s.io/v1/Role': { plural: 'roles', namespaced: true },
  'rbac.authorization.k8s.io/v1/RoleBinding': { plural: 'rolebindings', namespaced: true },
  'apps/v1/StatefulSet': { plural: 'statefulsets', namespaced: true },
  'apps/v1/Deployment': { plural: 'deployments', namespaced: true },
  'velero.io/v1/Schedule': { plural: 'schedules', namespaced: true },
  'velero.io/v1/Backup': { plural: 'backups', namespaced: true },
  'velero.io/v1/Restore': { plural: 'restores', namespaced: true },
};

/** The collection path of a kind, in a namespace or cluster-wide. */
export function collectionPath(apiVersion: string, kind: string, namespace?: string): string {
  const info = RESOURCES[`${apiVersion}/${kind}`];
  if (!info) throw new Error(`Kubeyard does not manage ${kind} (${apiVersion})`);
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return info.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${info.plural}` : `${base}/${info.plural}`;
}

/** The path of one object. */
export function objectPath(obj: { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } }): string {
  const info = RESOURCES[`${obj.apiVersion}/${obj.kind}`];
  if (info?.namespaced && !obj.metadata?.namespace) throw new Error(`${obj.kind} ${obj.metadata?.name} needs a namespace`);
  return `${collectionPath(obj.apiVersion ?? '', obj.kind ?? '', obj.metadata?.namespace)}/${encodeURIComponent(obj.metadata?.name ?? '')}`;
}

/** JSON requests against one API server, authenticated as the KubeConfig's current user. */
export class KubeRestClient {
  private options?: Promise<{ base: URL; headers: Record<string, string>; agent: http.Agent }>;
  /** The API server's clock minus ours, from the Date header of its latest answer (1 s resolution). */
  clockOffsetMs?: number;

  constructor(private readonly kc: KubeConfig) {}

  private connection() {
    this.options ??= (async () => {
      const cluster = this.kc.getCurrentCluster();
      if (!cluster) throw new Error('the KubeConfig has no current cluster');
      const opts: https.RequestOptions = {};
      await this.kc.applyToHTTPSOptions(opts);
      const base = new URL(cluster.server.endsWith('/') ? cluster.server : `${cluster.server}/`);
      const agent =
        base.protocol === 'https:'
          ? new https.Agent({ keepAlive: true, ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: opts.rejectUnauthorized, servername: opts.servername })
          : new http.Agent({ keepAlive: true });
      return { base, headers: (opts.headers ?? {}) as Record<string, string>, agent };
    })();
    return this.options;
  }

  /** Sends a request; resolves with the parsed body, rejects with KubeApiError for non-2xx answers. */
  async request<T = KubeObject>(
    method: string,
    path: string,
    options: { query?: Record<string, string | number | boolean | undefined>; body?: unknown; contentType?: string } = {},
  ): Promise<T> {
    const { base, headers, agent } = await this.connection();
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    return new Promise<T>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method,
          agent,
          headers: {
            ...headers,
            accept: 'application/json',
            ...(payload ? { 'content-type': options.contentType ?? 'application/json', 'content-length': String(payload.length) } : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const serverTime = Date.parse(res.headers.date ?? '');
            // The header has whole seconds: half a second is the expected truncation.
            if (!Number.isNaN(serverTime)) this.clockOffsetMs = serverTime + 500 - Date.now();
            const text = Buffer.concat(chunks).toString('utf8');
            let body: any = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text for the error message
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(body as T);
            else reject(new KubeApiError(status, body));
          });
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Closes idle connections. */
  async close(): Promise<void> {
    if (this.options) (await this.options).agent.destroy();
  }
}

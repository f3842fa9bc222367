/*
 * Writes and reads against one cluster on behalf of the tenant features, with a time limit
 * per request. A request that runs out of time is not forgotten: the API server may still
 * carry it out, so it stays tracked until it settles, and compensation waits for that before
 * it decides what exists (see settle()).
 */
import { KUBEYARD_MANAGER, type KubeManifest } from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeError, kubeConfigFor, type ClusterConnection, type FleetIndex, type KubeObject } from '../fleet';
import { collectionPath, KubeRestClient, objectPath } from './kubeRest';

/** A request that got no answer in time; the API server may or may not have carried it out. */
export class RequestTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: no answer after ${ms} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/** The operation was stopped (backend shutting down) while a request was in flight. */
export class InterruptedError extends Error {
  constructor(what: string) {
    super(`${what}: interrupted (backend shutting down)`);
    this.name = 'InterruptedError';
  }
}

/** The HTTP status of a failed Kubernetes request, if the server answered. */
export function httpStatusOf(error: unknown): number | undefined {
  const code = (error as any)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Whether a failed write may nevertheless have been carried out: no answer in time, a lost
 * connection, an interruption, or a 504 from a proxy in between. Any other answer from the
 * API server means the write was refused as a whole.
 */
export function isUncertain(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === undefined || status === 504;
}

/** A readable one-line account of a failed request, naming the field manager of a conflict. */
export function describeKubeError(error: unknown): string {
  if (error instanceof RequestTimeoutError || error instanceof InterruptedError) return error.message;
  const text = describeError(error);
  return httpStatusOf(error) === 409 && /conflict with/i.test(text) ? `field conflict: ${text.replace(/^HTTP 409: /, '')}` : text;
}

/** Timing of a {@link TenantClusterClient}. */
export interface ClusterClientOptions {
  requestTimeoutMs: number;
}

type ObjectRef = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };

function describeRef(obj: ObjectRef): string {
  return `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name}`;
}

/** Tenant reads and writes against one cluster. */
export class TenantClusterClient {
  private readonly rest: KubeRestClient;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    readonly cluster: string,
    connection: ClusterConnection,
    private readonly options: ClusterClientOptions,
  ) {
    this.rest = new KubeRestClient(kubeConfigFor(connection));
  }

  /**
   * Runs a request with the time limit; `signal` stops waiting for it (shutdown). Either way
   * the request itself stays tracked until it settles.
   */
  async call<T>(what: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new InterruptedError(what);
    const request = run();
    const tracked = request.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await Promise.race([
        request,
        new Promise<T>((_, reject) => {
          timer = setTimeout(() => reject(new RequestTimeoutError(what, this.options.requestTimeoutMs)), this.options.requestTimeoutMs);
          onAbort = () => reject(new InterruptedError(what));
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Waits until every request this client started has settled, at most `timeoutMs`; true when
   * none is left in flight. Compensation calls it first: a write that ran out of time may
   * still land, and undoing it before it lands would leave it behind.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight.size > 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...this.inflight]),
        new Promise<void>(resolve => {
          timer = setTimeout(resolve, remaining);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }

  /** Server-side apply as the `kubeyard` field manager; `dryRun` plans without writing. */
  apply(manifest: KubeManifest | KubeObject, options: { dryRun?: boolean; force?: boolean; signal?: AbortSignal } = {}): Promise<KubeObject> {
    return this.call(
      `apply ${describeRef(manifest)}`,
      () =>
        this.rest.request('PATCH', objectPath(manifest), {
          query: { fieldManager: KUBEYARD_MANAGER, force: options.force ? true : undefined, dryRun: options.dryRun ? 'All' : undefined },
          body: manifest,
          contentType: 'application/apply-patch+yaml',
        }),
      options.signal,
    );
  }

  /** Creates an object (`metadata.generateName` works); the API server's answer, with the name it chose. */
  create(obj: KubeObject, signal?: AbortSignal): Promise<KubeObject> {
    const collection = collectionPath(obj.apiVersion ?? '', obj.kind ?? '', obj.metadata?.namespace);
    return this.call(`create ${describeRef(obj)}`, () => this.rest.request('POST', collection, { query: { fieldManager: KUBEYARD_MANAGER }, body: obj }), signal);
  }

  /** A JSON merge patch (RFC 7386) of an object, as field manager `kubeyard`. */
  mergePatch(obj: ObjectRef, patch: unknown, signal?: AbortSignal): Promise<KubeObject> {
    return this.call(
      `patch ${describeRef(obj)}`,
      () => this.rest.request('PATCH', objectPath(obj), { query: { fieldManager: KUBEYARD_MANAGER }, body: patch, contentType: 'application/merge-patch+json' }),
      signal,
    );
  }

  /**
   * Deletes an object (dependents in the background); true when it was there, false when already
   * gone. With `preconditions` the API server deletes only that very object (409 otherwise).
   */
  async delete(obj: ObjectRef, signal?: AbortSignal, preconditions?: { uid?: string; resourceVersion?: string }): Promise<boolean> {
    const body = preconditions ? { apiVersion: 'v1', kind: 'DeleteOptions', preconditions } : undefined;
    try {
      await this.call(`delete ${describeRef(obj)}`, () => this.rest.request('DELETE', objectPath(obj), { query: { propagationPolicy: 'Background' }, body }), signal);
      return true;
    } catch (error) {
      if (httpStatusOf(error) === 404) return false;
      throw error;
    }
  }

  /**
   * The cluster's clock now, from the Date header of its latest answer (undefined before the
   * first): deadlines measured from timestamps the cluster wrote are compared against it.
   */
  clusterNow(): Date | undefined {
    const offset = this.rest.clockOffsetMs;
    return offset === undefined ? undefined : new Date(Date.now() + offset);
  }

  /** Reads an object; undefined when it does not exist. */
  async get(obj: ObjectRef): Promise<KubeObject | undefined> {
    try {
      const found = await this.call(`get ${describeRef(obj)}`, () => this.rest.request('GET', objectPath(obj)));
      return { ...found, apiVersion: obj.apiVersion, kind: obj.kind };
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Lists one kind, in one namespace or cluster-wide; items get their apiVersion and kind back. */
  async list(apiVersion: string, kind: string, options: { namespace?: string; fieldSelector?: string; labelSelector?: string } = {}): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    const page = (continueToken?: string) =>
      this.call(`list ${kind}${options.namespace ? ` in ${options.namespace}` : ''}`, () =>
        this.rest.request<{ items?: KubeObject[]; metadata?: { continue?: string } }>('GET', collectionPath(apiVersion, kind, options.namespace), {
          query: { fieldSelector: options.fieldSelector, labelSelector: options.labelSelector, limit: 500, continue: continueToken },
        }),
      );
    let next: string | undefined;
    do {
      const result = await page(next);
      for (const item of result.items ?? []) items.push({ ...item, apiVersion, kind });
      next = result.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  /** Asks the API server whether a subject may do something (SubjectAccessReview). */
  async canI(review: {
    user?: string;
    groups?: string[];
    verb: string;
    resource: string;
    group?: string;
    subresource?: string;
    namespace: string;
  }): Promise<{ allowed: boolean; reason?: string }> {
    const result = await this.call(`SubjectAccessReview ${review.verb} ${review.resource}`, () =>
      this.rest.request<{ status?: { allowed?: boolean; reason?: string } }>('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: review.user,
            groups: review.groups,
            resourceAttributes: {
              namespace: review.namespace,
              verb: review.verb,
              group: review.group ?? '',
              resource: review.resource,
              ...(review.subresource ? { subresource: review.subresource } : {}),
            },
          },
        },
      }),
    );
    return { allowed: Boolean(result.status?.allowed), reason: result.status?.reason };
  }

  /** Closes idle connections. */
  close(): Promise<void> {
    return this.rest.close();
  }
}

/**
 * One {@link TenantClusterClient} per configured cluster, made on first use and kept while the
 * cluster's connection stays the same (API discovery is cached inside each client).
 */
export class TenantClusterClients {
  private readonly clients = new Map<string, { connection: string; client: TenantClusterClient }>();

  constructor(
    private readonly fleet: Pick<FleetIndex, 'connection'>,
    private readonly options: ClusterClientOptions,
  ) {}

  /** The client of a configured cluster, or undefined when Kubeyard has no such cluster. */
  for(cluster: string): TenantClusterClient | undefined {
    const connection = this.fleet.connection(cluster);
    if (!connection) return undefined;
    const key = JSON.stringify(connection);
    const cached = this.clients.get(cluster);
    if (cached && cached.connection === key) return cached.client;
    if (cached) void cached.client.close();
    const client = new TenantClusterClient(cluster, connection, this.options);
    this.clients.set(cluster, { connection: key, client });
    return client;
  }

  /** Closes every client's idle connections. */
  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map(({ client }) => client.close()));
    this.clients.clear();
  }
}

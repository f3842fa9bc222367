/*
 * Resource requests: maps the Kubernetes verbs of a parsed request onto the cluster store —
 * get/list (JSON or Table), watch, create, update, patch, delete, deletecollection — and the
 * subresources status, scale, log, eviction and finalize.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeleteOptions, InMemoryClusterStore } from '../apiserver/clusterStore';
import { badRequest, methodNotSupported, notAcceptable, unsupportedMediaType } from '../apiserver/errors';
import { IncludeObject, printerFor, toTable } from '../apiserver/table/tableConvertor';
import { groupVersion } from '../apiserver/typeRegistry';
import type { KubeObject, PatchType, ResourceType, UserInfo, WriteOptions } from '../types';
import { servePodLog } from './podLogs';
import type { RequestInfo } from './requestInfo';
import { decodeBody, readBody, sendJson } from './responses';
import { serveWatch } from './watchStream';

const PATCH_TYPES: PatchType[] = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

/** Context a resource request is served in. */
export interface ResourceContext {
  store: InMemoryClusterStore;
  now: () => Date;
  bookmarkIntervalMs: number;
}

function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some(part => /as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** The field manager of a non-apply write: the query parameter, else the User-Agent's product. */
function fieldManagerOf(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const explicit = query.get('fieldManager');
  if (explicit) return explicit;
  const agent = req.headers['user-agent'];
  return agent ? agent.split('/')[0].slice(0, 128) : undefined;
}

function dryRunOf(query: URLSearchParams, body?: { dryRun?: string[] }): boolean {
  const values = [...query.getAll('dryRun'), ...(body?.dryRun ?? [])];
  for (const v of values) if (v !== 'All') throw badRequest(`Invalid dry run value: ${v}`);
  return values.includes('All');
}

/** Serves one resource request. */
export async function handleResourceRequest(
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
  query: URLSearchParams,
  user: UserInfo,
  ctx: ResourceContext,
): Promise<void> {
  const { store } = ctx;
  const t = store.resolve({ group: info.apiGroup, version: info.apiVersion, resource: info.resource });
  const ns = t.namespaced ? info.namespace : undefined;
  if (t.namespaced && info.name && !ns && info.verb !== 'create') throw badRequest('a namespace must be specified for a namespaced resource');
  const table = wantsTable(req);
  if (req.headers.accept && !/json|\*\/\*|yaml|protobuf/.test(req.headers.accept) && info.subresource !== 'log') {
    throw notAcceptable(`only the following media types are accepted: application/json, application/yaml`);
  }
  const gv = groupVersion(t.group, t.version);
  const printer = () => printerFor(t.group, t.resource, t.version, store.registry.definitionOf(t.group, t.resource));
  const writeOptions = (body?: { dryRun?: string[] }): WriteOptions => ({
    user,
    dryRun: dryRunOf(query, body),
    fieldManager: fieldManagerOf(req, query),
    force: query.get('force') === 'true',
  });
  const respond = (code: number, obj: KubeObject) => {
    if (table && !info.subresource) sendJson(res, code, toTable(printer(), [obj], { now: ctx.now(), include: includeObject(query) }));
    else sendJson(res, code, obj);
  };

  switch (info.verb) {
    case 'list': {
      store.requireVerb(t, 'list');
      store.authorize(user, 'list', t, ns);
      const page = store.listRaw(t, ns, {
        labelSelector: query.get('labelSelector') ?? undefined,
        fieldSelector: query.get('fieldSelector') ?? undefined,
        limit: query.get('limit') ? Number(query.get('limit')) : undefined,
        continue: query.get('continue') ?? undefined,
      });
      const rv = String(page.resourceVersion);
      if (table) {
        sendJson(res, 200, toTable(printer(), page.items, { now: ctx.now(), include: includeObject(query), resourceVersion: rv, continue: page.continue, remainingItemCount: page.remainingItemCount }));
        return;
      }
      const metadata: Record<string, unknown> = { resourceVersion: rv };
      if (page.continue) metadata.continue = page.continue;
      if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
      sendJson(res, 200, { kind: `${t.kind}List`, apiVersion: gv, metadata, items: page.items });
      return;
    }
    case 'watch':
      store.authorize(user, 'watch', t, ns, info.name);
      if (info.name) query.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${info.name}`].filter(Boolean).join(','));
      serveWatch(req, res, store, t, ns, query, {
        table: table ? { printer: printer(), include: includeObject(query) } : undefined,
        bookmarkIntervalMs: ctx.bookmarkIntervalMs,
        now: ctx.now,
      });
      return;
    case 'get':
      handleGet(res, info, query, user, ctx, t, ns, respond);
      return;
    case 'create': {
      const body = decodeBody(await readBody(req), req.headers['content-type']) as KubeObject;
      if (info.subresource === 'eviction') {
        store.authorize(user, 'create', t, ns, info.name, 'eviction');
        store.delete({ group: '', version: 'v1', resource: 'pods' }, ns, info.name!, { dryRun: dryRunOf(query) });
        sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
        return;
      }
      if (info.name) throw methodNotSupported(t, 'create');
      if (!body) throw badRequest('the request body is empty');
      respond(201, store.create({ group: t.group, version: t.version, resource: t.resource }, ns, body, writeOptions()));
      return;
    }
    case 'update': {
      const body = decodeBody(await readBody(req), req.headers['content-type']) as KubeObject;
      if (!body || typeof body !== 'object') throw badRequest('the request body is empty');
      if (body.metadata?.name && body.metadata.name !== info.name) {
        throw badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${info.name})`);
      }
      body.metadata = { ...(body.metadata ?? {}), name: info.name };
      const gvr = { group: t.group, version: t.version, resource: t.resource };
      if (info.subresource === 'scale') sendJson(res, 200, store.operations.updateScale(t, ns, info.name!, body, writeOptions()));
      else if (info.subresource === 'status') respond(200, store.updateStatus(gvr, ns, body, writeOptions()));
      else if (info.subresource === 'finalize') respond(200, finalizeNamespace(store, info.name!, body, writeOptions()));
      else if (info.subresource) throw methodNotSupported(t, `update ${info.subresource}`);
      else respond(200, store.update(gvr, ns, body, writeOptions()));
      return;
    }
    case 'patch': {
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim() as PatchType;
      if (!PATCH_TYPES.includes(contentType)) throw unsupportedMediaType(contentType);
      const raw = (await readBody(req)).toString('utf8');
      if (!info.name) throw methodNotSupported(t, 'patch');
      const options = writeOptions();
      if (contentType === 'application/apply-patch+yaml') options.fieldManager = query.get('fieldManager') ?? undefined;
      if (info.subresource === 'scale') {
        sendJson(res, 200, store.operations.patchScale(t, ns, info.name, contentType, raw, options));
        return;
      }
      if (info.subresource && info.subresource !== 'status') throw methodNotSupported(t, `patch ${info.subresource}`);
      const existed = !!store.peek(`${t.group}/${t.resource}`, ns, info.name);
      const result = store.operations.patch(t, ns, info.name, contentType, raw, options, info.subresource as 'status' | undefined);
      respond(existed ? 200 : 201, result);
      return;
    }
    case 'delete': {
      const body = (decodeBody(await readBody(req), req.headers['content-type']) ?? {}) as DeleteOptions & { dryRun?: string[]; orphanDependents?: boolean };
      const options: DeleteOptions = {
        user,
        dryRun: dryRunOf(query, body as { dryRun?: string[] }),
        propagationPolicy: (query.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents ? 'Orphan' : undefined)) as DeleteOptions['propagationPolicy'],
        preconditions: body.preconditions,
      };
      const deleted = store.delete({ group: t.group, version: t.version, resource: t.resource }, ns, info.name!, options);
      const pending = !!deleted.metadata.deletionTimestamp && !options.dryRun;
      respond(pending ? 202 : 200, deleted);
      return;
    }
    case 'deletecollection': {
      const body = (decodeBody(await readBody(req), req.headers['content-type']) ?? {}) as DeleteOptions & { dryRun?: string[] };
      const items = store.operations.deleteCollection(t, ns, {
        user,
        dryRun: dryRunOf(query, body as { dryRun?: string[] }),
        propagationPolicy: (query.get('propagationPolicy') ?? body.propagationPolicy) as DeleteOptions['propagationPolicy'],
        labelSelector: query.get('labelSelector') ?? undefined,
        fieldSelector: query.get('fieldSelector') ?? undefined,
      });
      sendJson(res, 200, { kind: `${t.kind}List`, apiVersion: gv, metadata: { resourceVersion: store.currentResourceVersion() }, items });
      return;
    }
    default:
      throw methodNotSupported(t, info.verb);
  }
}

function handleGet(
  res: ServerResponse,
  info: RequestInfo,
  query: URLSearchParams,
  user: UserInfo,
  ctx: ResourceContext,
  t: ResourceType,
  ns: string | undefined,
  respond: (code: number, obj: KubeObject) => void,
): void {
  const { store } = ctx;
  store.requireVerb(t, 'get');
  switch (info.subresource) {
    case undefined:
      store.authorize(user, 'get', t, ns, info.name);
      respond(200, store.getRaw(t, ns, info.name!));
      return;
    case 'status':
      store.authorize(user, 'get', t, ns, info.name, 'status');
      respond(200, store.getRaw(t, ns, info.name!));
      return;
    case 'scale':
      sendJson(res, 200, store.operations.getScale(t, ns, info.name!, user));
      return;
    case 'log':
      if (t.group !== '' || t.resource !== 'pods') throw methodNotSupported(t, 'get log');
      store.authorize(user, 'get', t, ns, info.name, 'log');
      servePodLog(res, store.getRaw(t, ns, info.name!), ctx.now, query);
      return;
    default:
      throw methodNotSupported(t, `get ${info.subresource}`);
  }
}

function finalizeNamespace(store: InMemoryClusterStore, name: string, body: KubeObject, options: WriteOptions): KubeObject {
  const t = store.typeOfGroupResource('/namespaces')!;
  store.authorize(options.user, 'update', t, name, name, 'finalize');
  const old = store.peek('/namespaces', undefined, name);
  if (!old) return store.getRaw(t, undefined, name);
  const finalizers = ((body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).slice();
  const next = { ...old, spec: { ...(old.spec as object), finalizers } };
  return store.updateAsSystem(t, old, next, options.fieldManager ?? 'kubectl');
}

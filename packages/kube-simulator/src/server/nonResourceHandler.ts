/*
 * Non-resource paths of a cluster: /version, discovery (/api, /apis, …), OpenAPI and the
 * health endpoints, authorized through RBAC nonResourceURLs like the real server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemoryClusterStore } from '../apiserver/clusterStore';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from '../apiserver/discovery';
import { failureStatus, StatusError } from '../apiserver/errors';
import { openApiV2, openApiV3Document, openApiV3Root } from '../apiserver/openapi';
import { forbiddenMessage } from '../apiserver/rbac/rbacAuthorizer';
import type { UserInfo } from '../types';
import { sendJson } from './responses';

/** What the non-resource handler needs to know about its cluster. */
export interface NonResourceContext {
  store: InMemoryClusterStore;
  kubernetesVersion: string;
  /** host:port clients reach the server at (for /api serverAddressByClientCIDRs). */
  serverAddress: () => string;
}

function notFoundPath(): StatusError {
  return new StatusError(failureStatus(404, 'NotFound', 'the server could not find the requested resource', {}));
}

function authorizePath(ctx: NonResourceContext, user: UserInfo, path: string, verb: string): void {
  const attrs = { user, verb, resourceRequest: false, path };
  if (!ctx.store.authorizer.authorize(attrs).allowed) {
    throw new StatusError(failureStatus(403, 'Forbidden', `forbidden: ${forbiddenMessage(attrs)}`, {}));
  }
}

/** Serves a non-resource path. */
export function handleNonResource(req: IncomingMessage, res: ServerResponse, path: string, user: UserInfo, ctx: NonResourceContext): void {
  const clean = path.replace(/\/+$/, '') || '/';
  authorizePath(ctx, user, clean, (req.method ?? 'GET').toLowerCase() === 'get' ? 'get' : (req.method ?? '').toLowerCase());
  const registry = ctx.store.registry;
  const parts = clean.split('/').filter(Boolean);
  if (clean === '/version') {
    sendJson(res, 200, versionInfo(ctx.kubernetesVersion));
    return;
  }
  if (/^\/(healthz|livez|readyz)(\/.*)?$/.test(clean)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
    return;
  }
  if (clean === '/api') {
    sendJson(res, 200, apiVersions(ctx.serverAddress()));
    return;
  }
  if (clean === '/apis') {
    sendJson(res, 200, apiGroupList(registry));
    return;
  }
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList(registry, '', parts[1]);
    if (!list) throw notFoundPath();
    sendJson(res, 200, list);
    return;
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroup(registry, parts[1]);
    if (!group) throw notFoundPath();
    sendJson(res, 200, group);
    return;
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(registry, parts[1], parts[2]);
    if (!list) throw notFoundPath();
    sendJson(res, 200, list);
    return;
  }
  if (clean === '/openapi/v2') {
    // kubectl asks for protobuf first; JSON with a JSON content type is accepted as well.
    sendJson(res, 200, openApiV2(registry, ctx.kubernetesVersion));
    return;
  }
  if (clean === '/openapi/v3') {
    sendJson(res, 200, openApiV3Root(registry));
    return;
  }
  if (parts[0] === 'openapi' && parts[1] === 'v3' && parts.length >= 4) {
    const doc = openApiV3Document(registry, parts.slice(2).join('/'), ctx.kubernetesVersion);
    if (!doc) throw notFoundPath();
    sendJson(res, 200, doc);
    return;
  }
  throw notFoundPath();
}

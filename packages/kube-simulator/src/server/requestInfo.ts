/*
 * Parses a cluster-relative URL path into the API request it names, following the real
 * apiserver's RequestInfoFactory: /api/v1/namespaces/NS/pods/NAME/log, /apis/GROUP/VERSION/...,
 * the legacy /watch/ prefix, and everything else as a non-resource path.
 */

/** What a request addresses. */
export interface RequestInfo {
  resourceRequest: boolean;
  path: string;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace?: string;
  resource: string;
  subresource?: string;
  name?: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function httpVerb(method: string): string {
  switch (method) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return 'get';
  }
}

/** Parses `path` (without the /clusters/NAME prefix) for an HTTP method and query. */
export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = { resourceRequest: false, path, verb: method.toLowerCase(), apiGroup: '', apiVersion: '', resource: '' };
  const parts = path.split('/').filter(p => p.length > 0).map(decodeURIComponent);
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return info;
  let rest: string[];
  if (parts[0] === 'api') {
    info.apiVersion = parts[1];
    rest = parts.slice(2);
  } else {
    if (parts.length < 4) return info;
    info.apiGroup = parts[1];
    info.apiVersion = parts[2];
    rest = parts.slice(3);
  }
  info.resourceRequest = true;
  info.verb = httpVerb(method);
  let legacyWatch = false;
  if (rest[0] === 'watch') {
    legacyWatch = true;
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  info.resource = rest[0] ?? '';
  if (rest.length >= 2) info.name = rest[1];
  if (rest.length >= 3) info.subresource = rest[2];
  if (info.resource === 'namespaces' && info.name) info.namespace = info.name;

  const watching = legacyWatch || query.get('watch') === 'true' || query.get('watch') === '1';
  if (info.verb === 'get' && !info.name) info.verb = watching ? 'watch' : 'list';
  else if (info.verb === 'get' && watching) info.verb = 'watch';
  if (info.verb === 'delete' && !info.name) info.verb = 'deletecollection';
  return info;
}

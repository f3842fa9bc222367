/*
 * Just enough OpenAPI for kubectl. kubectl reads /openapi/v3 to learn whether the server
 * validates fields itself (the `fieldValidation` parameter of each kind's PATCH operation);
 * when it does, kubectl skips client-side schema validation. Schemas are not served: kubectl
 * then falls back to its compiled-in types for strategic merge patches of built-in kinds.
 */
import type { ResourceType } from '../types';
import { groupVersion, TypeRegistry } from './typeRegistry';

const QUERY_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'];

function gvk(t: ResourceType) {
  return [{ group: t.group, version: t.version, kind: t.kind }];
}

function operation(t: ResourceType, action: string, params: string[]): Record<string, unknown> {
  return {
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk(t)[0],
    parameters: params.map(name => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true } })),
    responses: { '200': { description: 'OK' } },
  };
}

function basePath(t: ResourceType): string {
  return t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
}

/** Paths of one type: its collection and its items, with the verbs it serves. */
function pathsOf(t: ResourceType): Record<string, unknown> {
  const prefix = t.namespaced ? `${basePath(t)}/namespaces/{namespace}/${t.resource}` : `${basePath(t)}/${t.resource}`;
  const item: Record<string, unknown> = {};
  if (t.verbs.includes('get')) item.get = operation(t, 'get', ['pretty']);
  if (t.verbs.includes('update')) item.put = operation(t, 'put', QUERY_PARAMETERS);
  if (t.verbs.includes('patch')) item.patch = operation(t, 'patch', QUERY_PARAMETERS);
  if (t.verbs.includes('delete')) item.delete = operation(t, 'delete', ['dryRun', 'propagationPolicy']);
  const collection: Record<string, unknown> = {};
  if (t.verbs.includes('list')) collection.get = operation(t, 'list', ['labelSelector', 'fieldSelector', 'limit', 'continue']);
  if (t.verbs.includes('create')) collection.post = operation(t, 'post', QUERY_PARAMETERS);
  return { [prefix]: collection, [`${prefix}/{name}`]: item };
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function gvKeys(registry: TypeRegistry): string[] {
  return [...new Set(registry.types().map(t => (t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`)))];
}

/** /openapi/v3: the group-versions with their (server-relative) document URLs. */
export function openApiV3Root(registry: TypeRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const key of gvKeys(registry)) {
    const types = registry.types().filter(t => (t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`) === key);
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash(JSON.stringify(types))}` };
  }
  return { paths };
}

/** /openapi/v3/api/v1 or /openapi/v3/apis/GROUP/VERSION; undefined when not served. */
export function openApiV3Document(registry: TypeRegistry, key: string, kubernetesVersion: string): Record<string, unknown> | undefined {
  const types = registry.types().filter(t => (t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`) === key);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const t of types) Object.assign(paths, pathsOf(t));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths,
    components: { schemas: {} },
  };
}

/** /openapi/v2 as JSON: paths without definitions. */
export function openApiV2(registry: TypeRegistry, kubernetesVersion: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const t of registry.types()) {
    for (const [p, ops] of Object.entries(pathsOf(t))) paths[p] = ops;
  }
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: kubernetesVersion },
    paths,
    definitions: {},
    'x-kubernetes-group-versions': registry.types().map(t => groupVersion(t.group, t.version)),
  };
}

/*
 * Turns a cluster as written in YAML (ClusterFile, with shorthands) into a ScenarioCluster:
 * CRDs, namespaces, nodes and control plane, kube-system add-ons, tenants, the explicit
 * objects (relative times resolved) and backup history — ordered for loading.
 */
import { hexDigest } from '../controllers/hash';
import type { KubeObject, ScenarioCluster } from '../types';
import { backupHistory } from './backupHistory';
import { crdBundle } from './crds';
import { controlPlanePods, expandNodeSpecs, nodeObject } from './expandNodes';
import { systemAddons, systemNamespaces } from './expandSystem';
import { tenantObjects } from './expandTenants';
import { relativeTime, resolveRelativeTimes } from './relativeTime';
import type { ClusterFile } from './scenarioFile';

const DEFAULT_VERSION = 'v1.31.4';

/** Where a cluster is built: the scenario's start and seed. */
export interface BuildContext {
  start: Date;
  seed: number;
}

/** The admin token of a cluster that does not set one: stable for the same seed and name. */
export function derivedToken(cluster: string, seed: number): string {
  return `${cluster}-${hexDigest(`kube-simulator/${seed}/${cluster}`, 32)}`;
}

function loadOrder(obj: KubeObject): number {
  if (obj.kind === 'CustomResourceDefinition') return 0;
  if (obj.kind === 'Namespace') return 1;
  if (!obj.metadata?.namespace) return 2;
  return 3;
}

/** Sorts objects for loading: CRDs, Namespaces, other cluster-scoped objects, then namespaced ones (stable). */
export function orderForLoading(objects: KubeObject[]): KubeObject[] {
  return objects
    .map((obj, index) => ({ obj, index }))
    .sort((a, b) => loadOrder(a.obj) - loadOrder(b.obj) || a.index - b.index)
    .map(({ obj }) => obj);
}

function countItems(
  objects: KubeObject[],
  template: Record<string, unknown>,
): number {
  const included = (template.includedNamespaces as string[] | undefined) ?? [
    '*',
  ];
  const excluded = (template.excludedNamespaces as string[] | undefined) ?? [];
  const inScope = (ns?: string) =>
    !!ns &&
    (included.includes('*') || included.includes(ns)) &&
    !excluded.includes(ns);
  let items = 0;
  for (const obj of objects) {
    if (!inScope(obj.metadata.namespace)) continue;
    items++;
    // A workload brings its ReplicaSet and pods along.
    const replicas = (obj.spec as { replicas?: number } | undefined)?.replicas;
    if (obj.kind === 'Deployment') items += 1 + (replicas ?? 1);
    if (obj.kind === 'StatefulSet') items += 2 * (replicas ?? 1);
  }
  return Math.max(items, 1);
}

/** Builds one cluster. */
export function buildCluster(
  file: ClusterFile,
  context: BuildContext,
): ScenarioCluster {
  const version = file.version ?? DEFAULT_VERSION;
  const since = relativeTime('@start-30d', context.start)!;
  const objects: KubeObject[] = [];
  for (const bundle of file.crds ?? []) objects.push(...crdBundle(bundle));
  const nodes = expandNodeSpecs(file.nodes ?? []);
  const withSystem = file.system ?? nodes.length > 0;
  if (withSystem) objects.push(...systemNamespaces());
  nodes.forEach((node, index) => {
    objects.push(nodeObject(node, index, version, since));
    if (node.role === 'control-plane')
      objects.push(...controlPlanePods(node, version));
  });
  if (withSystem) objects.push(...systemAddons(version));
  for (const tenant of file.tenants ?? [])
    objects.push(...tenantObjects(tenant));
  objects.push(...resolveRelativeTimes(file.objects ?? [], context.start));

  const behaviour = { ...file.behaviour };
  const notReady = nodes.filter(n => !n.ready).map(n => n.name);
  if (notReady.length)
    behaviour.notReadyNodes = [
      ...new Set([...(behaviour.notReadyNodes ?? []), ...notReady]),
    ];

  for (const history of file.backupHistory ?? []) {
    const index = objects.findIndex(
      o =>
        o.kind === 'Schedule' &&
        o.apiVersion === 'velero.io/v1' &&
        o.metadata.name === history.schedule,
    );
    if (index < 0)
      throw new Error(
        `cluster "${file.name}": backupHistory names schedule "${history.schedule}", which is not among its objects`,
      );
    const schedule = objects[index];
    const template = ((schedule.spec as { template?: Record<string, unknown> })
      .template ?? {}) as Record<string, unknown>;
    const locations = objects.filter(o => o.kind === 'BackupStorageLocation');
    const storageLocation =
      (template.storageLocation as string | undefined) ??
      locations.find(l => (l.spec as { default?: boolean }).default)?.metadata
        .name ??
      'default';
    const until = history.until;
    const result = backupHistory(
      {
        schedule,
        runs: history.runs,
        // By default the last run is the one before the start: a run due at the start itself is the simulator's to make.
        until: until
          ? new Date(relativeTime(until, context.start) ?? until)
          : new Date(context.start.getTime() - 1),
        outcomes: history.outcomes ?? {},
        durationMinutes: history.durationMinutes ?? 4,
        items: countItems(objects, template),
        storageLocation,
      },
      context.start,
    );
    objects[index] = result.schedule;
    objects.push(...result.backups);
  }

  const cluster: ScenarioCluster = {
    name: file.name,
    token: file.token ?? derivedToken(file.name, context.seed),
    version,
    objects: orderForLoading(objects),
  };
  if (file.users) cluster.users = file.users;
  if (file.labels) cluster.labels = file.labels;
  if (Object.keys(behaviour).length) cluster.behaviour = behaviour;
  return cluster;
}

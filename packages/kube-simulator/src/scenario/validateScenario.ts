/*
 * Scenario validation: everything a scenario can get wrong that would otherwise surface as an
 * obscure failure while the simulator starts, reported with the cluster, the object and the
 * field at fault.
 */
import {
  LabelSelectorParseError,
  matchesLabelSelector,
  parseLabelSelector,
} from '../apiserver/labelSelector';
import type { KubeObject, Scenario, ScenarioCluster } from '../types';
import { crdScopes } from './crds';
import { SYSTEM_NAMESPACES } from './expandSystem';

/** A scenario that cannot be loaded; `problems` lists every issue found. */
export class ScenarioError extends Error {
  constructor(readonly scenario: string, readonly problems: string[]) {
    super(`invalid scenario "${scenario}":\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

// Built-in kinds by scope (what a kube-apiserver serves without CRDs).
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'CSIDriver',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
]);
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'policy',
  'autoscaling',
  'storage.k8s.io',
  'coordination.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'admissionregistration.k8s.io',
  'apiregistration.k8s.io',
  'node.k8s.io',
]);
const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
]);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function describe(obj: KubeObject, index: number): string {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `object ${index} (${obj?.apiVersion ?? '?'} ${obj?.kind ?? '?'} ${ns}${
    obj?.metadata?.name ?? obj?.metadata?.generateName ?? '?'
  })`;
}

function validateWorkload(obj: KubeObject): string[] {
  const problems: string[] = [];
  const spec = (obj.spec ?? {}) as {
    selector?: { matchLabels?: Record<string, string> };
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { containers?: Array<{ name?: string; image?: string }> };
    };
  };
  const labels = spec.template?.metadata?.labels;
  if (obj.kind !== 'Job') {
    if (!spec.selector) problems.push('spec.selector is required');
    else if (!matchesLabelSelector(spec.selector, labels))
      problems.push(
        'spec.selector does not match spec.template.metadata.labels',
      );
  }
  const containers = spec.template?.spec?.containers;
  if (!containers?.length)
    problems.push('spec.template.spec.containers must not be empty');
  containers?.forEach((c, i) => {
    if (!c.name)
      problems.push(`spec.template.spec.containers[${i}].name is required`);
    if (!c.image)
      problems.push(`spec.template.spec.containers[${i}].image is required`);
  });
  return problems;
}

function validateObjects(cluster: ScenarioCluster, problems: string[]): void {
  const where = `cluster "${cluster.name}"`;
  if (!Array.isArray(cluster.objects)) {
    problems.push(`${where}: objects must be a list`);
    return;
  }
  const scopes = crdScopes();
  const declaredCrds = new Set<string>();
  const namespaces = new Set<string>();
  for (const obj of cluster.objects) {
    if (obj?.kind === 'CustomResourceDefinition') {
      const spec = (obj.spec ?? {}) as {
        group?: string;
        names?: { kind?: string };
        scope?: string;
      };
      declaredCrds.add(`${spec.group}/${spec.names?.kind}`);
      if (spec.scope === 'Cluster' || spec.scope === 'Namespaced')
        scopes.set(`${spec.group}/${spec.names?.kind}`, spec.scope);
    }
    if (obj?.kind === 'Namespace' && obj.metadata?.name)
      namespaces.add(obj.metadata.name);
  }
  const seen = new Map<string, number>();
  cluster.objects.forEach((obj, index) => {
    const what = `${where}: ${describe(obj, index)}`;
    if (!obj || typeof obj !== 'object') {
      problems.push(`${where}: object ${index} is not a mapping`);
      return;
    }
    if (typeof obj.apiVersion !== 'string' || !obj.apiVersion)
      problems.push(`${what}: apiVersion is required`);
    if (typeof obj.kind !== 'string' || !obj.kind)
      problems.push(`${what}: kind is required`);
    const meta = obj.metadata;
    if (!meta || typeof meta !== 'object') {
      problems.push(`${what}: metadata is required`);
      return;
    }
    if (!meta.name && !meta.generateName)
      problems.push(`${what}: metadata.name is required`);
    else if (
      meta.name &&
      !DNS_SUBDOMAIN.test(meta.name) &&
      obj.kind !== 'Event'
    ) {
      problems.push(
        `${what}: metadata.name "${meta.name}" must be a lowercase RFC 1123 subdomain`,
      );
    }
    const group = groupOf(obj.apiVersion ?? '');
    const typeKey = `${group}/${obj.kind}`;
    // Velero, KubeFed and Karmada types come pre-installed in every simulated cluster.
    if (
      !BUILTIN_GROUPS.has(group) &&
      !declaredCrds.has(typeKey) &&
      !scopes.has(typeKey)
    ) {
      problems.push(
        `${what}: no CustomResourceDefinition serves ${obj.apiVersion} ${obj.kind} (add one to the cluster's objects)`,
      );
    }
    const builtinScope = CLUSTER_SCOPED.has(obj.kind)
      ? 'Cluster'
      : 'Namespaced';
    const scope = BUILTIN_GROUPS.has(group)
      ? builtinScope
      : scopes.get(typeKey);
    if (scope === 'Cluster' && meta.namespace)
      problems.push(
        `${what}: ${obj.kind} is cluster-scoped; remove metadata.namespace`,
      );
    if (scope === 'Namespaced') {
      if (!meta.namespace)
        problems.push(
          `${what}: ${obj.kind} is namespaced; set metadata.namespace`,
        );
      else if (
        !namespaces.has(meta.namespace) &&
        !SYSTEM_NAMESPACES.includes(meta.namespace)
      ) {
        problems.push(
          `${what}: namespace "${meta.namespace}" is not declared in this cluster (add a Namespace object or a tenant)`,
        );
      }
    }
    if (meta.name) {
      const key = `${group}/${obj.kind}/${meta.namespace ?? ''}/${meta.name}`;
      const first = seen.get(key);
      if (first !== undefined)
        problems.push(`${what}: duplicates object ${first}`);
      else seen.set(key, index);
    }
    if (
      (WORKLOAD_KINDS.has(obj.kind) && group === 'apps') ||
      (obj.kind === 'Job' && group === 'batch')
    ) {
      for (const p of validateWorkload(obj)) problems.push(`${what}: ${p}`);
    }
  });
}

function validateBehaviour(cluster: ScenarioCluster, problems: string[]): void {
  const where = `cluster "${cluster.name}": behaviour`;
  const b = cluster.behaviour;
  if (!b) return;
  const outcomes = ['Completed', 'PartiallyFailed', 'Failed'];
  for (const [name, outcome] of Object.entries(b.backupOutcomes ?? {})) {
    if (!outcomes.includes(outcome))
      problems.push(
        `${where}.backupOutcomes.${name}: "${outcome}" is not one of ${outcomes.join(
          ', ',
        )}`,
      );
  }
  if (b.backupDurationMinutes !== undefined && !(b.backupDurationMinutes > 0)) {
    problems.push(`${where}.backupDurationMinutes: must be a positive number`);
  }
  if (b.usage) {
    for (const key of ['base', 'peak', 'noise'] as const) {
      const v = b.usage[key];
      if (typeof v !== 'number' || v < 0 || v > 10)
        problems.push(
          `${where}.usage.${key}: must be a number between 0 and 10`,
        );
    }
    if (
      !Number.isInteger(b.usage.peakHourUtc) ||
      b.usage.peakHourUtc < 0 ||
      b.usage.peakHourUtc > 23
    ) {
      problems.push(`${where}.usage.peakHourUtc: must be an hour 0–23`);
    }
  }
  (b.podStates ?? []).forEach((state, i) => {
    try {
      parseLabelSelector(state.selector ?? '');
    } catch (err) {
      const problem =
        err instanceof LabelSelectorParseError
          ? `invalid label selector term "${err.term}" in "${err.selector}"`
          : (err as Error).message;
      problems.push(`${where}.podStates[${i}].selector: ${problem}`);
    }
    if (
      state.phase &&
      !['Pending', 'Running', 'Failed'].includes(state.phase)
    ) {
      problems.push(
        `${where}.podStates[${i}].phase: "${state.phase}" is not one of Pending, Running, Failed`,
      );
    }
  });
  const nodes = new Set(
    cluster.objects.filter(o => o?.kind === 'Node').map(o => o.metadata.name),
  );
  for (const node of b.notReadyNodes ?? []) {
    if (!nodes.has(node))
      problems.push(
        `${where}.notReadyNodes: node "${node}" is not declared in this cluster`,
      );
  }
  for (const [name, phase] of Object.entries(b.storageLocationPhases ?? {})) {
    if (phase !== 'Available' && phase !== 'Unavailable') {
      problems.push(
        `${where}.storageLocationPhases.${name}: "${phase}" is not Available or Unavailable`,
      );
    }
  }
}

/** Every problem with a scenario (empty when it is valid). */
export function scenarioProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  if (!scenario.name) problems.push('name is required');
  if (
    scenario.startTime !== undefined &&
    Number.isNaN(Date.parse(scenario.startTime))
  ) {
    problems.push(`startTime "${scenario.startTime}" is not an ISO time`);
  }
  if (!Array.isArray(scenario.clusters) || scenario.clusters.length === 0) {
    problems.push('clusters must list at least one cluster');
    return problems;
  }
  const names = new Set<string>();
  const tokens = new Map<string, string>();
  scenario.clusters.forEach((cluster, i) => {
    const where = cluster?.name ? `cluster "${cluster.name}"` : `cluster ${i}`;
    if (!cluster?.name) {
      problems.push(`${where}: name is required`);
      return;
    }
    if (!DNS_LABEL.test(cluster.name) || cluster.name.length > 63) {
      problems.push(
        `${where}: name must be a lowercase RFC 1123 label (used in URLs: /clusters/<name>)`,
      );
    }
    if (names.has(cluster.name))
      problems.push(`${where}: duplicate cluster name`);
    names.add(cluster.name);
    if (!cluster.token) problems.push(`${where}: token is required`);
    // Admin tokens are unique across clusters; user tokens (one person, every cluster) only within one.
    if (cluster.token) {
      const other = tokens.get(cluster.token);
      if (other)
        problems.push(
          `${where}: admin token is also the admin token of ${other}`,
        );
      else tokens.set(cluster.token, where);
    }
    const local = new Map<string, string>(
      cluster.token ? [[cluster.token, 'admin']] : [],
    );
    if (
      cluster.version !== undefined &&
      !/^v\d+\.\d+\.\d+/.test(cluster.version)
    ) {
      problems.push(
        `${where}: version "${cluster.version}" must look like v1.31.4`,
      );
    }
    (cluster.users ?? []).forEach((user, u) => {
      if (!user.token || !user.username)
        problems.push(`${where}: users[${u}] needs a token and a username`);
      else if (local.has(user.token))
        problems.push(
          `${where}: user "${user.username}" reuses the token of ${local.get(
            user.token,
          )}`,
        );
      else local.set(user.token, `user "${user.username}"`);
    });
    validateObjects(cluster, problems);
    validateBehaviour(cluster, problems);
  });
  return problems;
}

/** Throws a ScenarioError listing every problem, if any. */
export function validateScenario(scenario: Scenario): Scenario {
  const problems = scenarioProblems(scenario);
  if (problems.length) throw new ScenarioError(scenario.name ?? '?', problems);
  return scenario;
}

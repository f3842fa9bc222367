/*
 * Verifying a tenant on each of its clusters, against what the spec promises:
 * - presence: every rendered object exists;
 * - rbac: SubjectAccessReviews for a subject of each role, asking what it must be allowed in
 *   the tenant namespace and what it must be denied there and in `default` (the expectations
 *   are written out here, independently of the rendered rules, so a wrong rule shows up);
 * - network: the static reachability proof evaluated on the NetworkPolicies that are live;
 * - quota and limits: the ResourceQuota and LimitRange hold the expected values, and a pod
 *   above the LimitRange maximum is refused (a server-side dry run, nothing is created).
 * Every check states what it expects and what it found.
 */
import {
  manifestKey,
  renderTenant,
  tenantNamespace,
  tenantReachabilityProof,
  tryParseQuantity,
  type KubeManifest,
  type TenantSpec,
  type VerifyCheck,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import { describeKubeError, httpStatusOf, type TenantClusterClient, type TenantClusterClients } from './clusterClient';
import { readLiveState, type LiveState } from './liveState';

type Role = 'tenant-admin' | 'tenant-developer' | 'tenant-viewer';

interface AccessExpectation {
  verb: string;
  resource: string;
  group?: string;
  subresource?: string;
  /** `tenant`: the tenant namespace; `default`: outside it. */
  where: 'tenant' | 'default';
  allowed: boolean;
}

const allow = (verb: string, resource: string, group = '', subresource?: string): AccessExpectation => ({ verb, resource, group, subresource, where: 'tenant', allowed: true });
const deny = (verb: string, resource: string, group = '', where: 'tenant' | 'default' = 'tenant'): AccessExpectation => ({ verb, resource, group, where, allowed: false });

/** What each role must and must not be able to do (SEED-DIGEST §1, without the source defects). */
export const ROLE_EXPECTATIONS: Record<Role, AccessExpectation[]> = {
  'tenant-admin': [
    allow('create', 'deployments', 'apps'),
    allow('get', 'secrets'),
    allow('delete', 'pods'),
    deny('update', 'resourcequotas'),
    deny('update', 'limitranges'),
    deny('update', 'networkpolicies', 'networking.k8s.io'),
    deny('create', 'rolebindings', 'rbac.authorization.k8s.io'),
    deny('get', 'pods', '', 'default'),
  ],
  'tenant-developer': [
    allow('create', 'deployments', 'apps'),
    allow('get', 'pods', '', 'log'),
    deny('delete', 'pods'),
    deny('update', 'secrets'),
    deny('get', 'pods', '', 'default'),
  ],
  'tenant-viewer': [
    allow('list', 'pods'),
    allow('get', 'deployments', 'apps'),
    deny('get', 'secrets'),
    deny('create', 'pods'),
    deny('get', 'pods', '', 'default'),
  ],
};

interface Subject {
  label: string;
  user: string;
  groups: string[];
}

function subjectsOf(binding: KubeManifest | undefined): Subject[] {
  const subjects = ((binding?.subjects as any[]) ?? []).map((s): Subject => {
    if (s.kind === 'User') return { label: `User ${s.name}`, user: s.name, groups: ['system:authenticated'] };
    if (s.kind === 'Group') return { label: `Group ${s.name}`, user: 'kubeyard-verify', groups: [s.name, 'system:authenticated'] };
    return {
      label: `ServiceAccount ${s.namespace}/${s.name}`,
      user: `system:serviceaccount:${s.namespace}:${s.name}`,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${s.namespace}`, 'system:authenticated'],
    };
  });
  // One person-like subject (the first user or group) and the service account, if any: each
  // subject of a binding gets the same role, so more subjects would prove nothing more.
  const person = subjects.find(s => !s.label.startsWith('ServiceAccount'));
  const account = subjects.find(s => s.label.startsWith('ServiceAccount'));
  return [person, account].filter((s): s is Subject => Boolean(s));
}

function describeAccess(e: AccessExpectation, namespace: string): string {
  const resource = `${e.resource}${e.subresource ? `/${e.subresource}` : ''}${e.group ? `.${e.group}` : ''}`;
  return `${e.verb} ${resource} in ${e.where === 'tenant' ? namespace : 'default'}`;
}

async function rbacChecks(client: TenantClusterClient, cluster: string, spec: TenantSpec, rendered: KubeManifest[]): Promise<VerifyCheck[]> {
  const namespace = tenantNamespace(spec);
  const checks: Array<Promise<VerifyCheck>> = [];
  for (const role of Object.keys(ROLE_EXPECTATIONS) as Role[]) {
    const binding = rendered.find(m => m.kind === 'RoleBinding' && m.metadata.name === role);
    const subjects = subjectsOf(binding);
    if (subjects.length === 0) {
      checks.push(
        Promise.resolve({
          cluster,
          category: 'rbac',
          name: `${role}: subjects`,
          expected: 'no RoleBinding: the spec names nobody for this role',
          actual: 'no RoleBinding rendered',
          pass: true,
        }),
      );
      continue;
    }
    for (const subject of subjects) {
      for (const expectation of ROLE_EXPECTATIONS[role]) {
        const what = describeAccess(expectation, namespace);
        checks.push(
          client
            .canI({
              user: subject.user,
              groups: subject.groups,
              verb: expectation.verb,
              resource: expectation.resource,
              group: expectation.group,
              subresource: expectation.subresource,
              namespace: expectation.where === 'tenant' ? namespace : 'default',
            })
            .then(
              (result): VerifyCheck => ({
                cluster,
                category: 'rbac',
                name: `${role} (${subject.label}): ${what}`,
                expected: expectation.allowed ? 'allowed' : 'denied',
                actual: result.allowed ? 'allowed' : 'denied',
                pass: result.allowed === expectation.allowed,
                ...(result.reason ? { detail: result.reason } : {}),
              }),
              (error): VerifyCheck => ({
                cluster,
                category: 'rbac',
                name: `${role} (${subject.label}): ${what}`,
                expected: expectation.allowed ? 'allowed' : 'denied',
                actual: 'the SubjectAccessReview failed',
                pass: false,
                detail: describeKubeError(error),
              }),
            ),
        );
      }
    }
  }
  return Promise.all(checks);
}

function presenceChecks(cluster: string, rendered: KubeManifest[], live: LiveState): VerifyCheck[] {
  return rendered.map(manifest => {
    const present = live.objects.has(manifestKey(manifest));
    return {
      cluster,
      category: 'presence',
      name: `${manifest.kind} ${manifest.metadata.namespace ? `${manifest.metadata.namespace}/` : ''}${manifest.metadata.name}`,
      expected: 'present',
      actual: present ? 'present' : 'missing',
      pass: present,
    };
  });
}

function sameQuantity(a: unknown, b: unknown): boolean {
  const x = tryParseQuantity(a as string);
  const y = tryParseQuantity(b as string);
  return x !== undefined && y !== undefined ? Math.abs(x - y) <= Math.abs(y) * 1e-9 : JSON.stringify(a) === JSON.stringify(b);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every(key => sameValue((a as any)[key], (b as any)[key]));
  }
  return sameQuantity(a, b);
}

function render(record: Record<string, unknown>): string {
  return Object.entries(record)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function quotaChecks(cluster: string, rendered: KubeManifest[], live: LiveState): VerifyCheck[] {
  const checks: VerifyCheck[] = [];
  const quota = rendered.find(m => m.kind === 'ResourceQuota');
  if (quota) {
    const expected = (quota.spec as any).hard as Record<string, string>;
    const actual = (live.objects.get(manifestKey(quota))?.spec?.hard ?? undefined) as Record<string, string> | undefined;
    const wrong = Object.keys({ ...expected, ...(actual ?? {}) }).filter(key => !sameQuantity(actual?.[key], expected[key]));
    checks.push({
      cluster,
      category: 'quota',
      name: `ResourceQuota ${quota.metadata.name}: spec.hard`,
      expected: render(expected),
      actual: actual ? render(actual) : 'no ResourceQuota',
      pass: Boolean(actual) && wrong.length === 0,
      ...(actual && wrong.length > 0 ? { detail: `differs at ${wrong.join(', ')}` } : {}),
    });
  }
  const limits = rendered.find(m => m.kind === 'LimitRange');
  if (limits) {
    const expected = (limits.spec as any).limits;
    const actual = live.objects.get(manifestKey(limits))?.spec?.limits;
    checks.push({
      cluster,
      category: 'limits',
      name: `LimitRange ${limits.metadata.name}: spec.limits`,
      expected: JSON.stringify(expected),
      actual: actual ? JSON.stringify(JSON.parse(JSON.stringify(actual))) : 'no LimitRange',
      pass: Boolean(actual) && sameValue(JSON.parse(JSON.stringify(actual)), expected),
    });
  }
  return checks;
}

/** A pod far above any LimitRange maximum, otherwise acceptable under restricted Pod Security. */
function oversizedPod(namespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kubeyard-verify-oversized', namespace },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'oversized',
          image: 'registry.k8s.io/pause:3.9',
          resources: { requests: { cpu: '1000', memory: '1Ti' }, limits: { cpu: '1000', memory: '1Ti' } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

async function admissionCheck(client: TenantClusterClient, cluster: string, namespace: string): Promise<VerifyCheck> {
  const name = 'a pod requesting 1000 CPUs and 1Ti is refused (dry run)';
  try {
    await client.apply(oversizedPod(namespace), { dryRun: true });
    return { cluster, category: 'limits', name, expected: 'refused', actual: 'accepted', pass: false };
  } catch (error) {
    // Refused by admission (403 Forbidden from LimitRanger, 422 Invalid); anything else (a
    // missing namespace, an unreachable cluster) proves nothing about the limits.
    const status = httpStatusOf(error);
    const refused = status === 403 || status === 422;
    return { cluster, category: 'limits', name, expected: 'refused', actual: refused ? 'refused' : 'not evaluated', pass: refused, detail: describeKubeError(error) };
  }
}

function networkChecks(cluster: string, spec: TenantSpec, rendered: KubeManifest[], live: LiveState): VerifyCheck[] {
  const plain = (obj: KubeObject) => JSON.parse(JSON.stringify(obj)) as KubeManifest;
  const namespace = live.namespace ? plain(live.namespace) : rendered.find(m => m.kind === 'Namespace')!;
  const policies = [...live.objects.values()].filter(obj => obj.kind === 'NetworkPolicy').map(plain);
  return tenantReachabilityProof(spec, [namespace, ...policies], { clusterName: cluster }).map(check => ({
    cluster,
    category: 'network',
    name: check.name,
    expected: check.expected,
    actual: check.actual,
    pass: check.pass,
    detail: check.reason,
  }));
}

async function verifyCluster(clients: TenantClusterClients, spec: TenantSpec, cluster: string): Promise<VerifyCheck[]> {
  const client = clients.for(cluster);
  const unreachable = (detail: string): VerifyCheck[] => [
    { cluster, category: 'presence', name: 'cluster reachable', expected: 'reachable', actual: 'unreachable', pass: false, detail },
  ];
  if (!client) return unreachable(`cluster ${cluster} is not configured`);
  const rendered = renderTenant(spec, { clusterName: cluster });
  let live: LiveState;
  try {
    live = await readLiveState(client, tenantNamespace(spec));
  } catch (error) {
    return unreachable(describeKubeError(error));
  }
  const [rbac, admission] = await Promise.all([rbacChecks(client, cluster, spec, rendered), admissionCheck(client, cluster, tenantNamespace(spec))]);
  return [...presenceChecks(cluster, rendered, live), ...rbac, ...networkChecks(cluster, spec, rendered, live), ...quotaChecks(cluster, rendered, live), admission];
}

/** Runs every check on every cluster of the tenant, clusters in parallel. */
export async function verifyTenant(clients: TenantClusterClients, spec: TenantSpec): Promise<VerifyCheck[]> {
  return (await Promise.all(spec.clusters.map(cluster => verifyCluster(clients, spec, cluster)))).flat();
}

/*
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when any
 * ClusterRoleBinding, or any RoleBinding in the request's namespace, binds a subject matching
 * the user to a role with a rule covering the request. system:masters is always allowed, as
 * the real API server's privileged-group authorizer does before RBAC runs.
 */
import type { KubeObject, UserInfo } from '../../types';
import { ObjectReader } from '../admission/types';
import { labelSelectorObjectMatcher, LabelSelectorObject } from '../labelSelector';

/** What is being asked: a resource request or a non-resource URL. */
export interface AuthorizationAttributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  namespace?: string;
  /** Non-resource requests: the URL path, e.g. /version. */
  path?: string;
}

/** The authorizer's answer. */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** One PolicyRule. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const RBAC = 'rbac.authorization.k8s.io';
/** The group whose members bypass RBAC. */
export const MASTERS_GROUP = 'system:masters';

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

function subjectMatches(subject: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace || '';
      return user.username === `system:serviceaccount:${ns}:${subject.name}`;
    }
    default:
      return false;
  }
}

function has(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

function nonResourceMatches(rule: PolicyRule, path: string): boolean {
  for (const url of rule.nonResourceURLs ?? []) {
    if (url === '*' || url === path) return true;
    if (url.endsWith('*') && path.startsWith(url.slice(0, -1))) return true;
  }
  return false;
}

/** Whether one rule covers the request (RuleAllows). */
export function ruleAllows(rule: PolicyRule, attrs: AuthorizationAttributes): boolean {
  if (!has(rule.verbs, attrs.verb)) return false;
  if (!attrs.resourceRequest) return nonResourceMatches(rule, attrs.path ?? '');
  if (!has(rule.apiGroups, attrs.apiGroup ?? '')) return false;
  if (!resourceMatches(rule, attrs.resource ?? '', attrs.subresource)) return false;
  if (!rule.resourceNames || rule.resourceNames.length === 0) return true;
  return !!attrs.name && rule.resourceNames.includes(attrs.name);
}

/** Evaluates RBAC objects read from one cluster's store. */
export class RbacAuthorizer {
  constructor(private readonly reader: ObjectReader) {}

  /** The rules of a ClusterRole, including those aggregated into it by label selectors. */
  clusterRoleRules(role: KubeObject): PolicyRule[] {
    const selectors = ((role.aggregationRule as { clusterRoleSelectors?: LabelSelectorObject[] } | undefined)?.clusterRoleSelectors ?? []);
    if (selectors.length === 0) return (role.rules ?? []) as PolicyRule[];
    const matchers = selectors.map(labelSelectorObjectMatcher);
    const rules: PolicyRule[] = [...((role.rules ?? []) as PolicyRule[])];
    for (const other of this.reader.scan(`${RBAC}/clusterroles`, undefined)) {
      if (other.metadata.name === role.metadata.name) continue;
      if (matchers.some(m => m(other.metadata.labels))) rules.push(...((other.rules ?? []) as PolicyRule[]));
    }
    return rules;
  }

  private roleRules(ref: { kind?: string; name?: string } | undefined, namespace: string | undefined): PolicyRule[] {
    if (!ref?.name) return [];
    if (ref.kind === 'ClusterRole') {
      const role = this.reader.peek(`${RBAC}/clusterroles`, undefined, ref.name);
      return role ? this.clusterRoleRules(role) : [];
    }
    const role = namespace ? this.reader.peek(`${RBAC}/roles`, namespace, ref.name) : undefined;
    return (role?.rules ?? []) as PolicyRule[];
  }

  /** Every binding that applies to the user in a namespace (cluster bindings first). */
  bindingsFor(user: UserInfo, namespace: string | undefined): Array<{ binding: KubeObject; rules: PolicyRule[] }> {
    const out: Array<{ binding: KubeObject; rules: PolicyRule[] }> = [];
    const collect = (binding: KubeObject, ns: string | undefined) => {
      const subjects = (binding.subjects ?? []) as Subject[];
      if (!subjects.some(s => subjectMatches(s, user, ns))) return;
      out.push({ binding, rules: this.roleRules(binding.roleRef as { kind?: string; name?: string }, ns) });
    };
    for (const b of this.reader.scan(`${RBAC}/clusterrolebindings`, undefined)) collect(b, undefined);
    if (namespace) for (const b of this.reader.scan(`${RBAC}/rolebindings`, namespace)) collect(b, namespace);
    return out;
  }

  /** Decides a request. */
  authorize(attrs: AuthorizationAttributes): Decision {
    if (attrs.user.groups.includes(MASTERS_GROUP)) return { allowed: true, reason: '' };
    for (const { binding, rules } of this.bindingsFor(attrs.user, attrs.resourceRequest ? attrs.namespace : undefined)) {
      if (rules.some(r => ruleAllows(r, attrs))) {
        const ref = binding.roleRef as { kind: string; name: string };
        const where = binding.kind === 'RoleBinding' ? `RoleBinding "${binding.metadata.name}/${binding.metadata.namespace}"` : `ClusterRoleBinding "${binding.metadata.name}"`;
        return { allowed: true, reason: `RBAC: allowed by ${where} of ${ref.kind} "${ref.name}" to User "${attrs.user.username}"` };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** The rules that apply to a user in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string | undefined): PolicyRule[] {
    if (user.groups.includes(MASTERS_GROUP)) {
      return [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];
    }
    return this.bindingsFor(user, namespace).flatMap(b => b.rules);
  }
}

/** The Forbidden message of the authorization filter (forbiddenMessage in responsewriters). */
export function forbiddenMessage(attrs: AuthorizationAttributes): string {
  const user = attrs.user.username;
  if (!attrs.resourceRequest) return `User "${user}" cannot ${attrs.verb} path "${attrs.path}"`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const where = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
  return `User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup ?? ''}" ${where}`;
}

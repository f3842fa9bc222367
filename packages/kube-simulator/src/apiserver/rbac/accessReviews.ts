/*
 * authorization.k8s.io reviews (SubjectAccessReview, SelfSubjectAccessReview,
 * LocalSubjectAccessReview, SelfSubjectRulesReview) and authentication.k8s.io
 * SelfSubjectReview, answered by the same RBAC evaluator that guards every request.
 */
import type { KubeObject, UserInfo } from '../../types';
import { badRequest } from '../errors';
import { invalid, requiredField } from '../fieldErrors';
import { AuthorizationAttributes, RbacAuthorizer } from './rbacAuthorizer';

type Json = Record<string, any>;

function attributesFrom(spec: Json, user: UserInfo, forcedNamespace?: string): AuthorizationAttributes {
  const r = spec.resourceAttributes as Json | undefined;
  const nr = spec.nonResourceAttributes as Json | undefined;
  if (r) {
    return {
      user,
      verb: r.verb ?? '',
      resourceRequest: true,
      apiGroup: r.group ?? '',
      resource: r.resource ?? '',
      subresource: r.subresource || undefined,
      name: r.name || undefined,
      namespace: forcedNamespace ?? (r.namespace || undefined),
    };
  }
  if (nr) return { user, verb: nr.verb ?? '', resourceRequest: false, path: nr.path ?? '' };
  throw invalid('SubjectAccessReview', 'authorization.k8s.io', '', [
    requiredField('spec.resourceAttributes', 'exactly one of nonResourceAttributes or resourceAttributes must be specified'),
  ]);
}

function answer(review: KubeObject, authorizer: RbacAuthorizer, attrs: AuthorizationAttributes): KubeObject {
  const decision = authorizer.authorize(attrs);
  const status: Json = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  return { ...review, metadata: { ...review.metadata, creationTimestamp: undefined as never }, status };
}

/** Answers a review create for the given group/resource as `requester`. */
export function answerReview(resource: string, review: KubeObject, requester: UserInfo, authorizer: RbacAuthorizer, namespace?: string): KubeObject {
  const spec = (review.spec ?? {}) as Json;
  switch (resource) {
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews': {
      if (!spec.user && !(spec.groups ?? []).length) {
        throw invalid(review.kind, 'authorization.k8s.io', '', [requiredField('spec.user', 'at least one of user or group must be specified')]);
      }
      const subject: UserInfo = { username: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid };
      if (resource === 'localsubjectaccessreviews' && spec.resourceAttributes?.namespace && spec.resourceAttributes.namespace !== namespace) {
        throw badRequest(`spec.resourceAttributes.namespace must match metadata.namespace: "${namespace}"`);
      }
      return answer(review, authorizer, attributesFrom(spec, subject, resource === 'localsubjectaccessreviews' ? namespace : undefined));
    }
    case 'selfsubjectaccessreviews':
      return answer(review, authorizer, attributesFrom(spec, requester));
    case 'selfsubjectrulesreviews': {
      const rules = authorizer.rulesFor(requester, spec.namespace || undefined);
      return {
        ...review,
        status: {
          resourceRules: rules.filter(r => !r.nonResourceURLs?.length).map(r => ({
            verbs: r.verbs ?? [],
            apiGroups: r.apiGroups ?? [],
            resources: r.resources ?? [],
            ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}),
          })),
          nonResourceRules: rules.filter(r => r.nonResourceURLs?.length).map(r => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs })),
          incomplete: false,
        },
      };
    }
    case 'selfsubjectreviews':
      return {
        ...review,
        status: { userInfo: { username: requester.username, groups: requester.groups, ...(requester.uid ? { uid: requester.uid } : {}) } },
      };
    default:
      throw badRequest(`unsupported review ${resource}`);
  }
}

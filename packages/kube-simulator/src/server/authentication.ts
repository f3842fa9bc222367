/*
 * Bearer-token authentication per cluster and user impersonation (Impersonate-User,
 * Impersonate-Group), authorized like the real impersonation filter: the caller needs the
 * `impersonate` verb on users/groups, which system:masters has.
 */
import type { IncomingMessage } from 'node:http';
import { forbidden, unauthorized } from '../apiserver/errors';
import type { RbacAuthorizer } from '../apiserver/rbac/rbacAuthorizer';
import { forbiddenMessage } from '../apiserver/rbac/rbacAuthorizer';
import type { ScenarioCluster, UserInfo } from '../types';

/** The identity of a scenario cluster's own token. */
export const CLUSTER_ADMIN_USER = 'system:serviceaccount:kube-system:kubeyard';
const AUTHENTICATED = 'system:authenticated';

/** Maps bearer tokens to identities for one cluster. */
export class TokenAuthenticator {
  private readonly tokens = new Map<string, UserInfo>();

  constructor(cluster: Pick<ScenarioCluster, 'token' | 'users'>) {
    this.tokens.set(cluster.token, { username: CLUSTER_ADMIN_USER, groups: ['system:masters', AUTHENTICATED] });
    for (const u of cluster.users ?? []) {
      const groups = [...(u.groups ?? [])];
      if (!groups.includes(AUTHENTICATED)) groups.push(AUTHENTICATED);
      this.tokens.set(u.token, { username: u.username, groups });
    }
  }

  /** Adds or replaces a token (e.g. a ServiceAccount token minted by a test). */
  addToken(token: string, user: UserInfo): void {
    this.tokens.set(token, user);
  }

  /** The caller's identity; throws 401 Unauthorized without a known bearer token. */
  authenticate(req: IncomingMessage): UserInfo {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const user = m ? this.tokens.get(m[1]) : undefined;
    if (!user) throw unauthorized();
    return user;
  }
}

function headerValues(req: IncomingMessage, name: string): string[] {
  const distinct = req.headersDistinct?.[name.toLowerCase()];
  if (distinct) return distinct.flatMap(v => v.split(',')).map(v => v.trim()).filter(Boolean);
  const raw = req.headers[name.toLowerCase()];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).flatMap(v => v.split(',')).map(v => v.trim()).filter(Boolean);
}

/** Applies impersonation headers; returns the effective identity. */
export function impersonate(req: IncomingMessage, user: UserInfo, authorizer: RbacAuthorizer): UserInfo {
  const [asUser] = headerValues(req, 'Impersonate-User');
  const asGroups = headerValues(req, 'Impersonate-Group');
  if (!asUser && asGroups.length === 0) return user;
  const check = (resource: string, name: string) => {
    const attrs = { user, verb: 'impersonate', resourceRequest: true, apiGroup: '', resource, name };
    if (!authorizer.authorize(attrs).allowed) throw forbidden({ group: '', resource }, name, forbiddenMessage(attrs));
  };
  if (!asUser) throw forbidden({ group: '', resource: 'users' }, undefined, 'requested impersonation of groups without a user');
  check('users', asUser);
  for (const g of asGroups) check('groups', g);
  const groups = [...asGroups];
  if (asUser !== 'system:anonymous' && !groups.includes(AUTHENTICATED)) groups.push(AUTHENTICATED);
  return { username: asUser, groups };
}

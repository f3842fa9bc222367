/*
 * Catalog entity references for tenant members: `user:default/alice`, `group:default/team-a`.
 * Tenants take the full form only, because a short ref means different entities depending on
 * the defaults of whoever reads it, and RBAC subjects must be unambiguous.
 */

/** The kinds of catalog entity a tenant member can be. */
export type MemberKind = 'user' | 'group';

/** A parsed `kind:namespace/name` catalog reference. */
export interface CatalogMemberRef {
  kind: MemberKind;
  namespace: string;
  name: string;
}

// Backstage's own rules: namespaces are DNS labels, names are Kubernetes-style object names.
const REF = /^([a-z]+):([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\/([A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

function parseFullRef(ref: string): { kind: string; namespace: string; name: string } | undefined {
  const match = REF.exec(ref);
  if (!match || match[2].length > 63 || match[3].length > 63) return undefined;
  return { kind: match[1], namespace: match[2], name: match[3] };
}

/** Parses `user:ns/name` or `group:ns/name`; undefined for anything else. */
export function parseMemberRef(ref: string): CatalogMemberRef | undefined {
  const parsed = parseFullRef(ref);
  if (!parsed || (parsed.kind !== 'user' && parsed.kind !== 'group')) return undefined;
  return { kind: parsed.kind, namespace: parsed.namespace, name: parsed.name };
}

/** Why a string is not a member reference of the allowed kinds, or undefined when it is one. */
export function memberRefProblem(ref: string, kinds: MemberKind[]): string | undefined {
  const parsed = parseFullRef(ref);
  const examples = kinds.map(k => (k === 'user' ? 'user:default/alice' : 'group:default/team-payments')).join(' or ');
  if (!parsed) {
    return `"${ref}" is not a catalog reference of the form kind:namespace/name (e.g. ${examples})`;
  }
  if (!(kinds as string[]).includes(parsed.kind)) {
    return `"${ref}" is a ${parsed.kind}; only ${kinds.join(' or ')} references are allowed here (e.g. ${examples})`;
  }
  return undefined;
}

/** Writes the canonical `kind:namespace/name` form. */
export function stringifyMemberRef(ref: CatalogMemberRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

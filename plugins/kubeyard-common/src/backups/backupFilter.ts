/*
 * A BackupSpec's filters compiled once, with the semantics of Velero's
 * pkg/util/collections/includes_excludes.go:
 *  - namespaces: an exclude match wins; then an empty include list, `*`, or a matching entry
 *    includes. Entries are globs (Velero expands include globs against the live namespaces
 *    since its wildcard-namespace support; excludes have always been glob-matched).
 *  - resources: the old filters (includedResources, excludedResources, includeClusterResources)
 *    or, when none of them is set, the scoped ones (included/excludedNamespaceScopedResources,
 *    where an excluded `*` excludes every namespaced type). Velero resolves each entry through
 *    discovery to `plural.group` (`deployments` → `deployments.apps`, `deploy` → the same);
 *    without discovery a bare plural matches that plural in any group, `plural.group` matches
 *    exactly, and short names, singulars and kinds need `resolveResource`.
 *  - labels: orLabelSelectors when non-empty (any matches), else labelSelector, else everything.
 *    An item without the labels is not in the backup, whatever its namespace.
 * includeClusterResources and the cluster-scoped filters do not affect namespaced items.
 */
import { LabelRequirement, matchesRequirements, requirementsOf } from '../selectors/labelSelector';
import { compileGlobList, GlobList, isGlob } from './glob';
import type { BackupSpec } from './veleroTypes';

/** A namespaced object a backup may hold. */
export interface CoverageTarget {
  namespace: string;
  /** The resource as Velero names it: `plural` for the core group, else `plural.group` (`deployments.apps`, `pods`). */
  resource: string;
  labels?: Record<string, string>;
}

/** Why a backup does or does not hold an object; filters apply in this order. */
export type CoverageVerdict = 'covered' | 'namespace-excluded' | 'resource-excluded' | 'labels-not-selected';

/** Options of the backup filters. */
export interface BackupFilterOptions {
  /**
   * Resolves a resource entry the way Velero's discovery would (`deploy`, `deployment`,
   * `Deployment` → `deployments.apps`); return undefined to leave the entry as it is.
   */
  resolveResource?: (entry: string) => string | undefined;
}

/** A BackupSpec compiled for repeated matching. */
export interface BackupFilter {
  includesNamespace(namespace: string): boolean;
  includesResource(resource: string): boolean;
  selectsLabels(labels: Record<string, string> | undefined): boolean;
  /** The first filter that drops the target, or `covered`. */
  check(target: CoverageTarget): CoverageVerdict;
  /** Set when a label selector does not parse: Velero fails such a backup, so it selects nothing. */
  readonly problem?: string;
}

/** Resource entries compiled: exact `plural.group`, bare plurals, and globs over `plural.group`. */
interface ResourceList {
  empty: boolean;
  star: boolean;
  matches(resource: string): boolean;
}

function compileResourceList(entries: readonly string[] | null | undefined, options: BackupFilterOptions, dropStar: boolean): ResourceList {
  const full = new Set<string>();
  const plurals = new Set<string>();
  const globs: string[] = [];
  let star = false;
  const list = (entries ?? []).filter(e => !(dropStar && e === '*'));
  for (const entry of list) {
    if (entry === '*') {
      star = true;
      continue;
    }
    const resolved = options.resolveResource?.(entry);
    const name = (resolved ?? entry).toLowerCase();
    if (isGlob(name)) globs.push(name);
    else if (name.includes('.')) full.add(name);
    else plurals.add(name);
  }
  const globList: GlobList = compileGlobList(globs, true);
  return {
    empty: list.length === 0,
    star,
    matches(resource: string) {
      const name = resource.toLowerCase();
      const dot = name.indexOf('.');
      const plural = dot < 0 ? name : name.slice(0, dot);
      return full.has(name) || plurals.has(plural) || (globs.length > 0 && globList.matches(name));
    },
  };
}

/** Whether the spec uses the old resource filters (Velero's UseOldResourceFilters). */
export function usesOldResourceFilters(spec: BackupSpec): boolean {
  return (
    (spec.includeClusterResources !== undefined && spec.includeClusterResources !== null) ||
    (spec.includedResources?.length ?? 0) > 0 ||
    (spec.excludedResources?.length ?? 0) > 0
  );
}

function compileLabels(spec: BackupSpec): { selects: (labels: Record<string, string> | undefined) => boolean; problem?: string } {
  try {
    const or = (spec.orLabelSelectors ?? []).filter(Boolean).map(requirementsOf);
    if (or.length > 0) return { selects: labels => or.some(requirements => matchesRequirements(labels, requirements)) };
    if (spec.labelSelector) {
      const requirements: LabelRequirement[] = requirementsOf(spec.labelSelector);
      return { selects: labels => matchesRequirements(labels, requirements) };
    }
    return { selects: () => true };
  } catch (error) {
    return { selects: () => false, problem: (error as Error).message };
  }
}

/** Compiles a BackupSpec (or a Schedule's template) into matchers; do it once per spec. */
export function compileBackupFilter(spec: BackupSpec, options: BackupFilterOptions = {}): BackupFilter {
  const includedNamespaces = compileGlobList(spec.includedNamespaces);
  const excludedNamespaces = compileGlobList(spec.excludedNamespaces);
  const old = usesOldResourceFilters(spec);
  // Velero drops `*` from the old exclude list (validation rejects it anyway); the scoped list reads it as "every type".
  const includedResources = compileResourceList(old ? spec.includedResources : spec.includedNamespaceScopedResources, options, false);
  const excludedResources = compileResourceList(old ? spec.excludedResources : spec.excludedNamespaceScopedResources, options, old);
  const labels = compileLabels(spec);

  const includesNamespace = (namespace: string) =>
    !excludedNamespaces.matches(namespace) &&
    (includedNamespaces.empty || includedNamespaces.star || includedNamespaces.matches(namespace));
  const includesResource = (resource: string) =>
    !excludedResources.star &&
    !excludedResources.matches(resource) &&
    (includedResources.empty || includedResources.star || includedResources.matches(resource));

  return {
    includesNamespace,
    includesResource,
    selectsLabels: labels.selects,
    problem: labels.problem,
    check(target: CoverageTarget): CoverageVerdict {
      if (!includesNamespace(target.namespace)) return 'namespace-excluded';
      if (!includesResource(target.resource)) return 'resource-excluded';
      if (!labels.selects(target.labels)) return 'labels-not-selected';
      return 'covered';
    },
  };
}

/*
 * The checks Velero's backup controller runs before a backup (prepareBackupRequest), with its
 * messages, so Kubeyard can say why a Schedule's backups will end in FailedValidation before
 * the first one does.
 */
import { requirementsOf } from '../selectors/labelSelector';
import { dns1123LabelProblem } from '../tenants/kubernetesNames';
import { parseGoDuration } from './duration';
import { isGlob } from './glob';
import type { BackupSpec } from './veleroTypes';

/** ValidateIncludesExcludes of pkg/util/collections. */
function includesExcludesErrors(includes: readonly string[] = [], excludes: readonly string[] = []): string[] {
  const errors: string[] = [];
  const included = new Set(includes);
  if (included.size > 1 && included.has('*')) errors.push(`includes list must either contain '*' only, or a non-empty list of items`);
  if (excludes.includes('*')) errors.push(`excludes list cannot contain '*'`);
  for (const item of [...new Set(excludes)].sort()) {
    if (included.has(item)) errors.push(`excludes list cannot contain an item in the includes list: ${item}`);
  }
  return errors;
}

/** ValidateScopedIncludesExcludes: here an excluded `*` is allowed, alone and with no includes. */
function scopedErrors(includes: readonly string[] = [], excludes: readonly string[] = []): string[] {
  const errors: string[] = [];
  const included = new Set(includes);
  const excluded = new Set(excludes);
  if (included.size > 1 && included.has('*')) errors.push(`includes list must either contain '*' only, or a non-empty list of items`);
  if (excluded.size > 1 && excluded.has('*')) errors.push(`excludes list must either contain '*' only, or a non-empty list of items`);
  if (included.size > 0 && excluded.has('*')) errors.push(`when exclude is '*', include cannot have value`);
  for (const item of [...excluded].sort()) {
    if (included.has(item)) errors.push(`excludes list cannot contain an item in the includes list: ${item}`);
  }
  return errors;
}

function namespaceNameErrors(names: readonly string[] = []): string[] {
  const errors: string[] = [];
  for (const name of [...new Set(names)].sort()) {
    // Velero lets '' mean "cluster-scoped" and '*' stand for any letters; other glob syntax is
    // checked by its wildcard expansion, not here.
    if (name === '' || isGlob(name.replace(/\*/g, ''))) continue;
    const problem = dns1123LabelProblem(name.replace(/\*/g, 'x'));
    if (problem) errors.push(`invalid namespace "${name}": ${problem}`);
  }
  return errors;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Why Velero would fail a backup of this spec in FailedValidation; empty when it would run. */
export function validateBackupSpec(spec: BackupSpec): string[] {
  const errors: string[] = [];
  const old = present(spec.includeClusterResources) || (spec.includedResources?.length ?? 0) > 0 || (spec.excludedResources?.length ?? 0) > 0;
  const scoped = [
    spec.includedClusterScopedResources,
    spec.excludedClusterScopedResources,
    spec.includedNamespaceScopedResources,
    spec.excludedNamespaceScopedResources,
  ].some(list => (list?.length ?? 0) > 0);
  if (old && scoped) {
    errors.push(
      'include-resources, exclude-resources and include-cluster-resources are old filter parameters.\n' +
        'include-cluster-scoped-resources, exclude-cluster-scoped-resources, include-namespace-scoped-resources and exclude-namespace-scoped-resources are new filter parameters.\n' +
        'They cannot be used together',
    );
  }
  for (const error of includesExcludesErrors(spec.includedResources ?? [], spec.excludedResources ?? [])) {
    errors.push(`Invalid included/excluded resource lists: ${error}`);
  }
  for (const error of scopedErrors(spec.includedClusterScopedResources ?? [], spec.excludedClusterScopedResources ?? [])) {
    errors.push(`Invalid cluster-scoped included/excluded resource lists: ${error}`);
  }
  for (const error of scopedErrors(spec.includedNamespaceScopedResources ?? [], spec.excludedNamespaceScopedResources ?? [])) {
    errors.push(`Invalid namespace-scoped included/excluded resource lists: ${error}`);
  }
  const namespaceErrors = [
    ...includesExcludesErrors(spec.includedNamespaces ?? [], spec.excludedNamespaces ?? []),
    ...namespaceNameErrors(spec.includedNamespaces),
    ...namespaceNameErrors(spec.excludedNamespaces),
  ];
  for (const error of namespaceErrors) errors.push(`Invalid included/excluded namespace lists: ${error}`);
  if (present(spec.orLabelSelectors) && present(spec.labelSelector)) {
    errors.push('encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified');
  }
  for (const selector of [spec.labelSelector, ...(spec.orLabelSelectors ?? [])]) {
    if (!selector) continue;
    try {
      requirementsOf(selector);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (spec.ttl !== undefined && spec.ttl !== '' && parseGoDuration(spec.ttl) === undefined) {
    errors.push(`ttl "${spec.ttl}" is not a Go duration such as 720h0m0s`);
  }
  return errors;
}

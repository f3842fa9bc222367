/*
 * What a coverage request is about: the namespaces (per cluster) of a catalog entity or of a
 * tenant, which of their workloads count, and the backup tier they must meet.
 */
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  KUBEYARD_LABELS,
  LabelSelectorError,
  matchesRequirements,
  parseLabelSelector,
  recoveryTier,
  type CoverageWorkload,
  type FindingObject,
  type NamespaceInfo,
  type RecoveryTier,
  type WorkloadInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { workloadSelectorOf } from '../workloads/entityWorkloads';

/** The annotation (on catalog entities) and namespace label (on tenant namespaces) that set the backup tier. */
export const BACKUP_TIER_KEY = 'kubeyard.io/backup-tier';

/** A tenant name is a DNS-1123 label (it is a label value and a namespace prefix). */
const TENANT_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const WORKLOAD_TYPES = ['deployments', 'statefulsets', 'daemonsets'] as const;

/** The namespaces and workloads a coverage request is about. */
export interface BackupScope {
  /** What RPO findings are about when the scope has no namespace. */
  object: FindingObject;
  tier?: RecoveryTier;
  /** Namespaces by cluster. */
  namespaces: Map<string, Set<string>>;
  /** Which workloads of those namespaces belong to the scope; all when absent. */
  includesWorkload?: (workload: Pick<CoverageWorkload, 'labels'>) => boolean;
}

/** A tier from an annotation or label value; InputError naming where it came from when it is not 1–4. */
export function parseTier(value: string | undefined, source: string): RecoveryTier | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const tier = Number(value.trim().replace(/^tier-?/i, ''));
  try {
    return recoveryTier(tier).tier;
  } catch (error) {
    throw new InputError(`${source} ${BACKUP_TIER_KEY}="${value}" is not a backup tier: ${(error as Error).message}`);
  }
}

function add(map: Map<string, Set<string>>, cluster: string, namespace: string) {
  const set = map.get(cluster) ?? new Set<string>();
  set.add(namespace);
  map.set(cluster, set);
}

/** The strictest (lowest) tier among the values, or undefined. */
function strictest(tiers: Array<RecoveryTier | undefined>): RecoveryTier | undefined {
  const defined = tiers.filter((t): t is RecoveryTier => t !== undefined);
  return defined.length > 0 ? (Math.min(...defined) as RecoveryTier) : undefined;
}

/**
 * A tenant's namespaces: those labelled kubeyard.io/tenant=<name> on any cluster; its tier the
 * strictest kubeyard.io/backup-tier label among them unless `tier` is given. NotFoundError when
 * no cluster has such a namespace and `allowEmpty` is not set.
 */
export function tenantScope(
  name: string,
  snapshots: ClusterSnapshot[],
  options: { tier?: RecoveryTier; allowEmpty?: boolean; object?: FindingObject } = {},
): BackupScope {
  if (!TENANT_NAME.test(name)) {
    throw new InputError(`tenant "${name}" is not a tenant name: expected lower-case letters, digits and '-', at most 63 characters, e.g. payments`);
  }
  const namespaces = new Map<string, Set<string>>();
  const labelTiers: Array<RecoveryTier | undefined> = [];
  for (const snapshot of snapshots) {
    for (const ns of snapshot.list<NamespaceInfo>('namespaces')) {
      if (ns.labels?.[KUBEYARD_LABELS.tenant] !== name) continue;
      add(namespaces, snapshot.name, ns.name);
      labelTiers.push(parseTier(ns.labels?.[BACKUP_TIER_KEY], `namespace ${ns.name} in cluster ${snapshot.name}:`));
    }
  }
  if (namespaces.size === 0 && !options.allowEmpty) {
    throw new NotFoundError(`no namespace labelled ${KUBEYARD_LABELS.tenant}=${name} on any cluster (${snapshots.map(s => s.name).join(', ') || 'no clusters'})`);
  }
  return {
    object: options.object ?? { kind: 'Tenant', name },
    tier: options.tier ?? strictest(labelTiers),
    namespaces,
  };
}

/**
 * A catalog entity's namespaces. A tenant Resource (spec.type kubernetes-tenant) is its
 * tenant's namespaces. Otherwise `backstage.io/kubernetes-namespace` names them, else the
 * namespaces its workloads (found by kubernetes-id or kubernetes-label-selector, as the
 * kubernetes plugin does) run in; only those workloads count towards its coverage.
 */
export function entityScope(entityRef: string, entity: Entity, snapshots: ClusterSnapshot[]): BackupScope {
  const annotations = entity.metadata.annotations ?? {};
  const tier = parseTier(annotations[BACKUP_TIER_KEY], `${entityRef}:`);
  const object: FindingObject = { kind: entity.kind, name: entity.metadata.name, namespace: entity.metadata.namespace };
  if (entity.kind === 'Resource' && entity.spec?.type === 'kubernetes-tenant') {
    const tenant = annotations[KUBEYARD_LABELS.tenant] ?? entity.metadata.name;
    return tenantScope(tenant, snapshots, { tier, allowEmpty: true, object });
  }

  const selector = workloadSelectorOf(entity);
  let requirements: ReturnType<typeof parseLabelSelector> | undefined;
  if (selector.labelSelector) {
    try {
      requirements = parseLabelSelector(selector.labelSelector);
    } catch (error) {
      if (error instanceof LabelSelectorError) throw new InputError(`${entityRef}: ${error.message}`);
      throw error;
    }
  }
  const includesWorkload = requirements ? (w: Pick<CoverageWorkload, 'labels'>) => matchesRequirements(w.labels, requirements!) : undefined;
  const namespaces = new Map<string, Set<string>>();
  for (const snapshot of snapshots) {
    if (selector.namespace) {
      if (snapshot.list<NamespaceInfo>('namespaces').some(ns => ns.name === selector.namespace)) add(namespaces, snapshot.name, selector.namespace);
      continue;
    }
    if (!includesWorkload) continue;
    for (const type of WORKLOAD_TYPES) {
      for (const workload of snapshot.list<WorkloadInfo>(type)) {
        if (includesWorkload(workload)) add(namespaces, snapshot.name, workload.namespace);
      }
    }
  }
  return { object, tier, namespaces, includesWorkload };
}

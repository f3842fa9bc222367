/*
 * Kubeyard's label conventions (shared/DESIGN.md): every object Kubeyard creates carries them,
 * so the fleet index, the catalog provider and decommissioning can find a tenant's objects.
 */
import { InputError } from '@backstage/errors';

/** Label keys Kubeyard writes on every object it creates. */
export const KUBEYARD_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  tenant: 'kubeyard.io/tenant',
  owner: 'kubeyard.io/owner',
  costCenter: 'kubeyard.io/cost-center',
  environment: 'kubeyard.io/environment',
} as const;

/**
 * Backstage's link between a catalog Component (annotation) and its pods (label of the same
 * name), as the Kubernetes plugin reads it.
 */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

/** The value of `app.kubernetes.io/managed-by` on Kubeyard's objects. */
export const KUBEYARD_MANAGER = 'kubeyard';

/** The label the API server sets on every namespace (since Kubernetes 1.21); selectors use it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const ENTITY_REF = /^([A-Za-z][A-Za-z0-9]*):([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\/([A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const ENCODED_REF = /^([a-z][a-z0-9]*)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

/**
 * Encodes a full catalog entity ref for a label value, which cannot hold `:` or `/`:
 * `group:default/team-payments` → `group.default.team-payments`. Throws InputError otherwise.
 */
export function encodeEntityRefLabel(ref: string): string {
  const match = ENTITY_REF.exec(ref);
  if (!match) {
    throw new InputError(`"${ref}" is not a full catalog entity reference of the form kind:namespace/name`);
  }
  // Kinds compare case-insensitively in the catalog; the lower-case form keeps selectors exact.
  return `${match[1].toLowerCase()}.${match[2]}.${match[3]}`;
}

/**
 * Decodes `group.default.team-payments` back into `group:default/team-payments`; undefined for
 * values Kubeyard did not write. Kinds and namespaces hold no dots, so the first two dots split.
 */
export function decodeEntityRefLabel(value: string): string | undefined {
  const match = ENCODED_REF.exec(value);
  return match ? `${match[1]}:${match[2]}/${match[3]}` : undefined;
}

/** What the tenant labels are computed from. */
export interface TenantLabelSource {
  name: string;
  owner: string;
  costCenter: string;
  environment: string;
}

/** The Kubeyard labels of every object of a tenant, in key order. */
export function tenantLabels(spec: TenantLabelSource): Record<string, string> {
  return {
    [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER,
    [KUBEYARD_LABELS.costCenter]: spec.costCenter,
    [KUBEYARD_LABELS.environment]: spec.environment,
    [KUBEYARD_LABELS.owner]: encodeEntityRefLabel(spec.owner),
    [KUBEYARD_LABELS.tenant]: spec.name,
  };
}

/** The label selector (string form, as list and watch take it) that finds every object of a tenant. */
export function tenantSelector(name: string): string {
  return `${KUBEYARD_LABELS.managedBy}=${KUBEYARD_MANAGER},${KUBEYARD_LABELS.tenant}=${name}`;
}

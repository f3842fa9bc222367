/*
 * The plain-object form of the Kubernetes objects Kubeyard renders: what server-side apply
 * takes, and what the snapshot tests print.
 */

/** A Kubernetes object as rendered by Kubeyard. */
export interface KubeManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * Identifies an object across kinds and namespaces: `group/kind/namespace/name`, with empty
 * segments for the core group and cluster-scoped objects (`/Namespace//payments`,
 * `apps/StatefulSet/payments/payments`). Names hold no `/`, so the key is unambiguous.
 */
export function manifestKey(manifest: Pick<KubeManifest, 'apiVersion' | 'kind'> & { metadata: { name: string; namespace?: string } }): string {
  const slash = manifest.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : manifest.apiVersion.slice(0, slash);
  return `${group}/${manifest.kind}/${manifest.metadata.namespace ?? ''}/${manifest.metadata.name}`;
}

/**
 * Copies a record with its keys sorted. The API server returns maps sorted by key, so rendering
 * them sorted makes output independent of input order and equal to what a read returns.
 */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

/** Orders strings by code unit, as Go sorts map keys; localeCompare would depend on the locale. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

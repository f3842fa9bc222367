import type { ClusterSync } from '@kubeyard/backstage-plugin-kubeyard-common';

/** How to reach one cluster: the fields of a `kubernetes.clusterLocatorMethods` config entry. */
export interface ClusterConnection {
  name: string;
  url: string;
  /** Service-account bearer token (authProvider serviceAccount). */
  serviceAccountToken?: string;
  /** Base64 PEM of the cluster CA. */
  caData?: string;
  skipTLSVerify?: boolean;
}

/** Finds the clusters to index (config, catalog, …). */
export interface ClusterLocator {
  getClusters(): Promise<ClusterConnection[]>;
}

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string | Date;
    ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }>;
    resourceVersion?: string;
  };
  [key: string]: any;
}

/**
 * A type the fleet index lists and watches on every cluster, with the projection that trims
 * each object to what the features read (so 10,000 pods do not cost 10,000 full pod specs).
 */
export interface WatchedType<T = unknown> {
  /** Key the features read the objects by, e.g. 'pods'. */
  key: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** True for types most clusters lack (CRDs): a 404 means "not installed", not an error. */
  optional?: boolean;
  project(obj: KubeObject): T;
}

/** What the index holds for one cluster. */
export interface ClusterSnapshot {
  name: string;
  version?: string;
  sync: ClusterSync;
  /** Increases whenever any indexed object of the cluster changes: a cache key for derived views. */
  generation: number;
  /** Projected objects by watched-type key, keyed by `namespace/name`. */
  list<T>(typeKey: string): T[];
  /** Whether the type is served by the cluster (false when its CRD is absent). */
  serves(typeKey: string): boolean;
}

/** A ResourceQuota as the index keeps it: quantities as the API server wrote them. */
export interface ResourceQuotaInfo {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  hard: Record<string, string>;
  used: Record<string, string>;
}

export interface Config {
  /** Kubeyard settings. Clusters come from `kubernetes.clusterLocatorMethods`. */
  kubeyard?: {
    /** Entity refs of the groups that may do everything (used by the reference app's policy). */
    platformGroups?: string[];
    /** The fleet index: how clusters are listed, watched and probed. */
    fleet?: {
      /** Objects per LIST page (default 500). */
      pageSize?: number;
      /** A request that takes longer fails the cluster's sync (default 30). */
      requestTimeoutSeconds?: number;
      /** How often /version is probed for reachability and latency (default 10). */
      probeIntervalSeconds?: number;
      /** Longest wait between retries of a failing cluster (default 30). */
      maxBackoffSeconds?: number;
    };
    /** Tenant operations (plan, apply, verify, decommission). */
    tenants?: {
      /** A Kubernetes request of a tenant operation that takes longer fails its step (default 30). */
      requestTimeoutSeconds?: number;
      /** An operation lock not renewed for this long belongs to a backend that is gone (default 600). */
      lockTimeoutSeconds?: number;
      /** How long compensation waits for unanswered writes to settle before undoing them (default 60). */
      settleTimeoutSeconds?: number;
      /** How long a deleted tenant namespace may take to disappear (default 120). */
      namespaceDeletionTimeoutSeconds?: number;
      /** Poll interval while waiting for a namespace to disappear (default 0.5). */
      pollIntervalSeconds?: number;
    };
  };
}

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
  };
}

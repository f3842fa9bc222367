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
    /** Restore drills (POST /backups/restore-drills). */
    backups?: {
      /** How often a running drill's Restore and restored pods are read (default 2). */
      pollIntervalSeconds?: number;
      /** How long a drill's Restore may take to reach a final phase (default 86400). */
      restoreTimeoutSeconds?: number;
      /** How long the restored pods may take to be Ready after the Restore completed (default 1800). */
      podsReadyTimeoutSeconds?: number;
    };
    /** Cost allocation: the collector, prices, retention, budgets. */
    costs?: {
      /** How often every cluster is sampled, in minutes (default 5). A scheduler task: one backend instance samples at a time. */
      sampleIntervalMinutes?: number;
      /** Longest stretch one sample may stand for, in minutes (default 2 × sampleIntervalMinutes); longer unsampled time is reported as a gap, not charged. */
      maxGapMinutes?: number;
      /** ISO 4217 code of the prices and reports (default USD). */
      currency?: string;
      /** Idle capacity (allocatable not charged to any pod): `separate` keeps it as the "Idle" group (default), `share` spreads it over namespaces by their requested cost. */
      idle?: 'share' | 'separate';
      /**
       * Prices per hour, in `currency`, for a cluster (or `*` for every cluster without its own
       * list) from a date on; a change applies to hours starting at or after `effectiveFrom`,
       * never retroactively. Default: CPU 0.05 per core, memory 0.01 per GiB, storage 0.001 per GiB.
       */
      prices?: Array<{
        /** Cluster name, or `*` (default). */
        cluster?: string;
        /** `YYYY-MM-DD` (UTC) or an ISO 8601 instant (default 1970-01-01). */
        effectiveFrom?: string;
        cpuCoreHour: number;
        ramGiBHour: number;
        pvGiBHour: number;
      }>;
      /** Days daily rollups are kept (default 400). */
      retentionDays?: number;
      /** Days hourly rows are kept (default 14; at most retentionDays). Reports over more than two days read daily rollups. */
      hourlyRetentionDays?: number;
      /** Timeout of one metrics or OpenCost request, in seconds (default 30). */
      requestTimeoutSeconds?: number;
      /** A tenant whose cost on one UTC day exceeds this gets a `cost.daily-threshold` finding (default: no such finding). */
      dailyThreshold?: number;
      /** Per cluster (by name): where its costs come from. Clusters not listed use the built-in model. */
      clusters?: {
        [name: string]: {
          /** `model` (default; metrics.k8s.io and the fleet index) or `opencost`. */
          source?: 'model' | 'opencost';
          opencost?: {
            /** Base URL of the cluster's OpenCost API (its /allocation/compute is read). */
            url: string;
          };
        };
      };
      /** Monthly budgets besides tenant specs' `monthlyBudget` and Groups' `kubeyard.io/monthly-budget` annotation (config wins). */
      budgets?: {
        groups?: Array<{
          /** Group entity ref, e.g. group:default/team-payments. */
          group: string;
          /** Budget per month, in `currency`. */
          monthlyBudget: number;
        }>;
      };
    };
  };
}

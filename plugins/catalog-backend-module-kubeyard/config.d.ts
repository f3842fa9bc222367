import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  kubeyard?: {
    /** Owner of the kubernetes-cluster Resources (default group:default/platform-team). */
    clusterOwner?: string;
    /** Kubeyard's catalog entity provider. */
    catalog?: {
      /**
       * How often clusters and tenants are read in full (default every 5 minutes, first run
       * 10 seconds after start). Tenant changes also arrive at once as events.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** Default owner of the cluster Resources. */
export const DEFAULT_CLUSTER_OWNER = 'group:default/platform-team';

/** Default full-sync schedule: every 5 minutes, the first run shortly after start. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 10 },
};

/** The provider's settings, from `kubeyard.clusterOwner`, `kubeyard.catalog.schedule` and `app.baseUrl`. */
export interface ProviderOptions {
  clusterOwner: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  appBaseUrl: string;
}

/** Reads the provider's settings, with their defaults. */
export function readProviderOptions(config: Config): ProviderOptions {
  const schedule = config.getOptionalConfig('kubeyard.catalog.schedule');
  return {
    clusterOwner: config.getOptionalString('kubeyard.clusterOwner') ?? DEFAULT_CLUSTER_OWNER,
    schedule: schedule ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule) : DEFAULT_SCHEDULE,
    appBaseUrl: config.getString('app.baseUrl').replace(/\/+$/, ''),
  };
}

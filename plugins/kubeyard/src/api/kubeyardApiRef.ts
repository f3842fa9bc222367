import { createApiRef } from '@backstage/frontend-plugin-api';
import type { KubeyardApi } from '@kubeyard/backstage-plugin-kubeyard-common';

/** The Kubeyard backend API, as a Backstage utility API. */
export const kubeyardApiRef = createApiRef<KubeyardApi>().with({
  id: 'plugin.kubeyard.service',
  pluginId: 'kubeyard',
});

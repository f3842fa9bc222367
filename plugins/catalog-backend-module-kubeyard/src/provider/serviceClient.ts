import type { AuthService } from '@backstage/backend-plugin-api';
import { KubeyardClient, KubeyardDiscovery } from '@kubeyard/backstage-plugin-kubeyard-common';

/**
 * A KubeyardClient that calls kubeyard-backend as the catalog plugin itself: the provider
 * reads every cluster and tenant, whoever is looking.
 */
export function serviceClient({ auth, discovery }: { auth: AuthService; discovery: KubeyardDiscovery }): KubeyardClient {
  return new KubeyardClient({
    discovery,
    fetch: async (url, init) => {
      // A fresh token per request, as AuthService asks.
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'kubeyard',
      });
      return fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } });
    },
  });
}

import type { AuthService, BackstageCredentials } from '@backstage/backend-plugin-api';
import { KubeyardClient, KubeyardDiscovery } from '@kubeyard/backstage-plugin-kubeyard-common';

/** The backend services the Kubeyard actions need. */
export interface KubeyardActionServices {
  auth: AuthService;
  /** coreServices.discovery, or anything that resolves kubeyard-backend's base URL. */
  discovery: KubeyardDiscovery;
}

/**
 * A KubeyardClient that calls kubeyard-backend on behalf of the task's initiator, so the
 * user's permissions (kubeyard.tenant.create, …) decide, not the scaffolder's own.
 */
export async function initiatorClient(
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  { auth, discovery }: KubeyardActionServices,
): Promise<KubeyardClient> {
  const credentials = await ctx.getInitiatorCredentials();
  return new KubeyardClient({
    discovery,
    fetch: async (url, init) => {
      // A token per request, as AuthService asks: an apply can be polled for minutes.
      const { token } = await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'kubeyard' });
      return fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } });
    },
  });
}

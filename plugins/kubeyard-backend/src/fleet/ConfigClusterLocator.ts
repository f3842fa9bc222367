import type { Config } from '@backstage/config';
import type { ClusterConnection, ClusterLocator } from './types';

/**
 * Reads clusters from `kubernetes.clusterLocatorMethods` entries of type `config`: the same
 * configuration @backstage/plugin-kubernetes-backend reads, so one list serves both plugins.
 */
export class ConfigClusterLocator implements ClusterLocator {
  private readonly clusters: ClusterConnection[];

  constructor(config: Config) {
    const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    this.clusters = methods
      .filter(method => method.getString('type') === 'config')
      .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
      .map(cluster => {
        const authProvider = cluster.getOptionalString('authProvider') ?? 'serviceAccount';
        return {
          name: cluster.getString('name'),
          url: cluster.getString('url'),
          // Other auth providers need a user's credentials; the index reads with the
          // backend's own service account, as the kubernetes plugin does for serviceAccount.
          serviceAccountToken:
            authProvider === 'serviceAccount'
              ? cluster.getOptionalString('serviceAccountToken')
              : undefined,
          caData: cluster.getOptionalString('caData'),
          skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        };
      });
  }

  async getClusters(): Promise<ClusterConnection[]> {
    return this.clusters;
  }
}

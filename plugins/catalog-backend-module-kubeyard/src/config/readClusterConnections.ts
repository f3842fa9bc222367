import type { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_CLUSTER_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';

/**
 * What the catalog may say about how to reach a cluster: the public parts of a
 * `kubernetes.clusterLocatorMethods` entry. Tokens, AWS external ids and other secrets are
 * never read, so they cannot reach the catalog, which every user can read.
 */
export interface ClusterConnection {
  name: string;
  title?: string;
  url: string;
  authProvider: string;
  /** Auth metadata that names things rather than proves identity (OIDC provider, AWS role). */
  authMetadata: Record<string, string>;
  caData?: string;
  skipTLSVerify: boolean;
  skipMetricsLookup: boolean;
  dashboardUrl?: string;
  dashboardApp?: string;
  dashboardParameters?: string;
}

// The kubernetes.io/* auth metadata keys that are identifiers, not credentials.
const PUBLIC_AUTH_METADATA = [
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_CLUSTER_ID,
];

// authMetadata's keys hold "." and "/", which Config's getters cannot address: read it raw.
function authMetadataBlock(cluster: Config): Record<string, string | undefined> {
  const block = cluster.getOptional('authMetadata');
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return {};
  return Object.fromEntries(Object.entries(block).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]));
}

function publicAuthMetadata(cluster: Config): Record<string, string> {
  const block = authMetadataBlock(cluster);
  const flat: Record<string, string | undefined> = {
    [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]: cluster.getOptionalString('oidcTokenProvider'),
    [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: cluster.getOptionalString('assumeRole'),
  };
  return Object.fromEntries(
    PUBLIC_AUTH_METADATA.map(key => [key, block[key] ?? flat[key]]).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

/**
 * Reads the clusters of `kubernetes.clusterLocatorMethods` entries of type `config`, the list
 * kubeyard-backend and @backstage/plugin-kubernetes-backend both read, by cluster name.
 */
export function readClusterConnections(config: Config): Map<string, ClusterConnection> {
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const clusters = methods
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? []);
  return new Map(
    clusters.map(cluster => {
      const name = cluster.getString('name');
      const dashboardParameters = cluster.getOptional('dashboardParameters');
      const connection: ClusterConnection = {
        name,
        title: cluster.getOptionalString('title'),
        url: cluster.getString('url'),
        authProvider:
          authMetadataBlock(cluster)[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
          cluster.getOptionalString('authProvider') ??
          'serviceAccount',
        authMetadata: publicAuthMetadata(cluster),
        caData: cluster.getOptionalString('caData'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        skipMetricsLookup: cluster.getOptionalBoolean('skipMetricsLookup') ?? false,
        dashboardUrl: cluster.getOptionalString('dashboardUrl'),
        dashboardApp: cluster.getOptionalString('dashboardApp'),
        dashboardParameters: dashboardParameters === undefined ? undefined : JSON.stringify(dashboardParameters),
      };
      return [name, connection];
    }),
  );
}

import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConnection } from './types';

/** A KubeConfig with one context for the cluster, authenticated by its service-account token. */
export function kubeConfigFor(cluster: ClusterConnection): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: 'kubeyard', token: cluster.serviceAccountToken }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: 'kubeyard' }],
    currentContext: cluster.name,
  });
  return kc;
}

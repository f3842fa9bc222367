import { Entity, KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_APP,
  ANNOTATION_KUBERNETES_DASHBOARD_PARAMETERS,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterConnection } from '../config/readClusterConnections';
import {
  CLUSTER_ANNOTATION,
  CLUSTER_TYPE,
  ENTITY_NAMESPACE,
  locationAnnotations,
  MANAGED_BY_LABELS,
} from './conventions';

/** What a cluster entity is built from besides the cluster itself. */
export interface ClusterEntityOptions {
  /** `spec.owner`, e.g. group:default/platform-team. */
  owner: string;
  /** The frontend's base URL (app.baseUrl), for the link to the Kubeyard cluster page. */
  appBaseUrl: string;
  /** The cluster's entry in kubernetes.clusterLocatorMethods, when it has one. */
  connection?: ClusterConnection;
}

/*
 * The annotations @backstage/plugin-kubernetes-backend's `catalog` cluster locator reads. It
 * only picks entities that have api-server, its CA and an auth provider, and refuses the
 * serviceAccount provider (the token cannot be in the catalog): such clusters get the URL for
 * reference but no auth provider, so the locator skips them quietly instead of warning on
 * every request. They are served by the `config` locator, where Kubeyard found them.
 */
function locatorAnnotations(connection: ClusterConnection): Record<string, string> {
  const annotations: Record<string, string> = {
    [ANNOTATION_KUBERNETES_API_SERVER]: connection.url,
    [ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY]: String(connection.skipTLSVerify),
    [ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP]: String(connection.skipMetricsLookup),
  };
  if (connection.caData !== undefined) annotations[ANNOTATION_KUBERNETES_API_SERVER_CA] = connection.caData;
  if (connection.dashboardUrl) annotations[ANNOTATION_KUBERNETES_DASHBOARD_URL] = connection.dashboardUrl;
  if (connection.dashboardApp) annotations[ANNOTATION_KUBERNETES_DASHBOARD_APP] = connection.dashboardApp;
  if (connection.dashboardParameters) annotations[ANNOTATION_KUBERNETES_DASHBOARD_PARAMETERS] = connection.dashboardParameters;
  if (connection.authProvider !== 'serviceAccount') {
    annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER] = connection.authProvider;
    // The locator's filter needs the CA annotation to exist; empty means the system trust store.
    annotations[ANNOTATION_KUBERNETES_API_SERVER_CA] ??= '';
    Object.assign(annotations, connection.authMetadata);
  }
  return annotations;
}

function clusterDescription(cluster: ClusterSummary): string {
  const version = cluster.version ? ` ${cluster.version}` : '';
  const zones = cluster.zones.length > 0 ? ` in ${cluster.zones.join(', ')}` : '';
  return `Kubernetes${version} cluster with ${cluster.nodes.total} node${cluster.nodes.total === 1 ? '' : 's'}${zones}, managed with Kubeyard`;
}

/**
 * The `Resource` entity of a cluster, named after it (the kubernetes plugin's catalog locator
 * takes the entity name as the cluster name). Undefined when the cluster name cannot be an
 * entity name (more than 63 characters).
 */
export function clusterEntity(cluster: ClusterSummary, options: ClusterEntityOptions): Entity | undefined {
  if (!KubernetesValidatorFunctions.isValidObjectName(cluster.name)) return undefined;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: cluster.name,
      namespace: ENTITY_NAMESPACE,
      title: options.connection?.title ?? cluster.name,
      description: clusterDescription(cluster),
      labels: { ...MANAGED_BY_LABELS },
      annotations: {
        ...locationAnnotations('clusters', cluster.name),
        [CLUSTER_ANNOTATION]: cluster.name,
        ...(options.connection ? locatorAnnotations(options.connection) : {}),
      },
      tags: ['kubernetes', 'kubeyard'],
      links: [
        {
          url: `${options.appBaseUrl}/kubeyard/clusters/${encodeURIComponent(cluster.name)}`,
          title: 'Kubeyard cluster page',
          icon: 'dashboard',
        },
      ],
    },
    spec: {
      type: CLUSTER_TYPE,
      owner: options.owner,
    },
  };
}

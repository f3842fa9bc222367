import type { ClusterConnection } from '../config/readClusterConnections';
import { clusterSummary } from '../__testUtils__/builders';
import { expectCatalogAccepts } from '../__testUtils__/catalogPolicies';
import { clusterEntity } from './clusterEntity';

const owner = 'group:default/platform-team';
const appBaseUrl = 'https://backstage.example.com';

function connection(overrides: Partial<ClusterConnection> = {}): ClusterConnection {
  return {
    name: 'prod-eu',
    url: 'https://prod-eu.example.com:6443',
    authProvider: 'serviceAccount',
    authMetadata: {},
    skipTLSVerify: false,
    skipMetricsLookup: false,
    ...overrides,
  };
}

const kubeyardAnnotations = {
  'backstage.io/managed-by-location': 'kubeyard:clusters/prod-eu',
  'backstage.io/managed-by-origin-location': 'kubeyard:clusters/prod-eu',
  'kubeyard.io/cluster': 'prod-eu',
};

describe('clusterEntity', () => {
  it.each<[string, ClusterConnection | undefined, Record<string, string>]>([
    [
      'a serviceAccount cluster: the URL, no auth provider, so the catalog locator leaves it to the config locator',
      connection({ caData: 'LS0tCA==' }),
      {
        ...kubeyardAnnotations,
        'kubernetes.io/api-server': 'https://prod-eu.example.com:6443',
        'kubernetes.io/api-server-certificate-authority': 'LS0tCA==',
        'kubernetes.io/skip-tls-verify': 'false',
        'kubernetes.io/skip-metrics-lookup': 'false',
      },
    ],
    [
      'an OIDC cluster: everything the catalog locator needs, an empty CA meaning the system trust store',
      connection({
        authProvider: 'oidc',
        authMetadata: { 'kubernetes.io/oidc-token-provider': 'okta' },
        skipMetricsLookup: true,
        dashboardUrl: 'https://dash.example.com',
        dashboardApp: 'standard',
        dashboardParameters: '{"a":1}',
      }),
      {
        ...kubeyardAnnotations,
        'kubernetes.io/api-server': 'https://prod-eu.example.com:6443',
        'kubernetes.io/api-server-certificate-authority': '',
        'kubernetes.io/auth-provider': 'oidc',
        'kubernetes.io/oidc-token-provider': 'okta',
        'kubernetes.io/skip-tls-verify': 'false',
        'kubernetes.io/skip-metrics-lookup': 'true',
        'kubernetes.io/dashboard-url': 'https://dash.example.com',
        'kubernetes.io/dashboard-app': 'standard',
        'kubernetes.io/dashboard-parameters': '{"a":1}',
      },
    ],
    ['a cluster missing from the config: no kubernetes.io annotations at all', undefined, kubeyardAnnotations],
  ])('%s', async (_case, clusterConnection, annotations) => {
    const entity = clusterEntity(clusterSummary('prod-eu'), { owner, appBaseUrl, connection: clusterConnection })!;
    expect(entity.metadata.annotations).toEqual(annotations);
    await expectCatalogAccepts(entity);
  });

  it('is a kubernetes-cluster Resource owned as configured, linking the Kubeyard cluster page', () => {
    expect(clusterEntity(clusterSummary('prod-eu'), { owner, appBaseUrl, connection: connection({ title: 'Production EU' }) })).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'prod-eu',
        namespace: 'default',
        title: 'Production EU',
        description: 'Kubernetes v1.31.4 cluster with 3 nodes in eu-west-1a, eu-west-1b, managed with Kubeyard',
        labels: { 'app.kubernetes.io/managed-by': 'kubeyard' },
        links: [{ url: 'https://backstage.example.com/kubeyard/clusters/prod-eu', title: 'Kubeyard cluster page', icon: 'dashboard' }],
      },
      spec: { type: 'kubernetes-cluster', owner },
    });
  });

  it.each([
    [{ version: undefined, zones: [], nodes: { ready: 1, total: 1 } }, 'Kubernetes cluster with 1 node, managed with Kubeyard'],
    [{ zones: ['a'] }, 'Kubernetes v1.31.4 cluster with 3 nodes in a, managed with Kubeyard'],
  ])('describes %j as "%s"', (overrides, description) => {
    expect(clusterEntity(clusterSummary('dev', overrides), { owner, appBaseUrl })!.metadata.description).toBe(description);
  });

  it.each([
    ['Prod_EU.1', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('builds an entity for the cluster name %s: %s', (name, built) => {
    expect(clusterEntity(clusterSummary(name), { owner, appBaseUrl }) !== undefined).toBe(built);
  });
});

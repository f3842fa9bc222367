import { ConfigReader } from '@backstage/config';

type ConfigEntry = Record<string, string | boolean | Record<string, string>>;
import { readClusterConnections } from './readClusterConnections';

function read(clusters: ConfigEntry[], extraMethods: ConfigEntry[] = []) {
  return readClusterConnections(
    new ConfigReader({ kubernetes: { clusterLocatorMethods: [...extraMethods, { type: 'config', clusters }] } }),
  );
}

describe('readClusterConnections', () => {
  it('reads the public parts of every config cluster', () => {
    const connections = read([
      {
        name: 'prod-eu',
        title: 'Production EU',
        url: 'https://prod-eu.example.com:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'secret-token',
        caData: 'LS0tLS1CRUdJTi',
        dashboardUrl: 'https://dash.example.com',
        dashboardApp: 'standard',
        dashboardParameters: { projectId: 'p1' },
      },
      {
        name: 'gke-us',
        url: 'https://gke-us.example.com',
        authMetadata: {
          'kubernetes.io/auth-provider': 'oidc',
          'kubernetes.io/oidc-token-provider': 'okta',
          'kubernetes.io/aws-external-id': 'shared-secret',
        },
        skipTLSVerify: true,
        skipMetricsLookup: true,
      },
    ]);
    expect(connections.get('prod-eu')).toEqual({
      name: 'prod-eu',
      title: 'Production EU',
      url: 'https://prod-eu.example.com:6443',
      authProvider: 'serviceAccount',
      authMetadata: {},
      caData: 'LS0tLS1CRUdJTi',
      skipTLSVerify: false,
      skipMetricsLookup: false,
      dashboardUrl: 'https://dash.example.com',
      dashboardApp: 'standard',
      dashboardParameters: '{"projectId":"p1"}',
    });
    expect(connections.get('gke-us')).toMatchObject({
      authProvider: 'oidc',
      authMetadata: { 'kubernetes.io/oidc-token-provider': 'okta' },
      skipTLSVerify: true,
      skipMetricsLookup: true,
    });
  });

  it('never reads a credential', () => {
    const text = JSON.stringify([
      ...read([
        { name: 'a', url: 'https://a', authProvider: 'serviceAccount', serviceAccountToken: 'secret-token' },
        { name: 'b', url: 'https://b', authProvider: 'aws', assumeRole: 'arn:aws:iam::1:role/r', externalId: 'secret-id' },
      ]).values(),
    ]);
    expect(text).not.toContain('secret');
    expect(text).toContain('arn:aws:iam::1:role/r');
  });

  it('only reads locator methods of type config', () => {
    expect([...read([{ name: 'a', url: 'https://a', authProvider: 'google' }], [{ type: 'catalog' }]).keys()]).toEqual(['a']);
    expect(readClusterConnections(new ConfigReader({})).size).toBe(0);
  });
});

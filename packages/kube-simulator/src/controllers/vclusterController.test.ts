import { parse } from 'yaml';
import type { KubeObject } from '../types';
import {
  startTestCluster,
  type TestCluster,
  testNodes,
} from './__testing__/clusterHarness';
import { GVRS } from './gvr';
import { isVCluster, vclusterVersion } from './vclusterController';

const vcluster = (
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'sandbox', namespace: 'team-dev', labels, annotations },
  spec: {
    replicas: 1,
    serviceName: 'sandbox-headless',
    selector: { matchLabels: { release: 'sandbox' } },
    template: {
      metadata: { labels: { app: 'vcluster', release: 'sandbox' } },
      spec: {
        containers: [
          { name: 'vcluster', image: 'rancher/k3s:v1.30.4-k3s1' },
          { name: 'syncer', image: 'ghcr.io/loft-sh/vcluster:0.20.4' },
        ],
      },
    },
  },
});

describe('vcluster controller', () => {
  let cluster: TestCluster;
  afterEach(() => cluster?.stop());

  it.each([
    [{ app: 'vcluster' }, {}, true],
    [{ app: 'web' }, { 'kubeyard.io/vcluster': 'true' }, true],
    [{ app: 'web' }, {}, false],
  ])(
    'recognises labels %j annotations %j: %p',
    (labels, annotations, expected) => {
      expect(isVCluster(vcluster(labels, annotations))).toBe(expected);
    },
  );

  it('reads the served version from the k3s image', () => {
    expect(vclusterVersion(vcluster({ app: 'vcluster' }))).toBe('v1.30.4');
  });

  it('serves a ready vcluster as a new cluster and writes its kubeconfig into Secret vc-<name>', async () => {
    cluster = await startTestCluster(
      [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-dev' } },
        ...testNodes(1),
        vcluster({ app: 'vcluster' }),
      ],
      { name: 'staging' },
    );
    expect(cluster.added.map(c => c.name)).toEqual([
      'staging-team-dev-sandbox',
    ]);
    const [added] = cluster.added;
    expect(added.version).toBe('v1.30.4');
    expect(added.token).toMatch(/^vc-[0-9a-f]{40}$/);
    expect(
      added.objects.some(
        o => o.kind === 'Node' && o.metadata.name === 'node-1',
      ),
    ).toBe(true);
    const secret = cluster.get(GVRS.secrets, 'team-dev', 'vc-sandbox')!;
    const kubeconfig = parse(
      Buffer.from((secret.data as any).config, 'base64').toString(),
    );
    expect(kubeconfig.clusters[0].cluster.server).toBe(
      'http://127.0.0.1:1/clusters/staging-team-dev-sandbox',
    );
    expect(kubeconfig.users[0].user.token).toBe(added.token);
    expect(kubeconfig['current-context']).toBe('sandbox');
    // Reconciling again does not add the cluster twice.
    cluster.store.patch(
      GVRS.statefulsets,
      'team-dev',
      'sandbox',
      'application/merge-patch+json',
      { metadata: { labels: { touched: 'yes' } } },
    );
    await cluster.settle();
    expect(cluster.added).toHaveLength(1);
  });
});

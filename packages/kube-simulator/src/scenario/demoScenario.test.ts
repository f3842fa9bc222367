import path from 'node:path';
import type { KubeObject, ScenarioCluster } from '../types';
import { loadScenario } from './index';

const now = new Date();
const demo = loadScenario('demo');
const cluster = (name: string) => demo.clusters.find(c => c.name === name)!;
const objects = (c: ScenarioCluster, kind: string, namespace?: string) =>
  c.objects.filter(
    o =>
      o.kind === kind &&
      (namespace === undefined || o.metadata.namespace === namespace),
  );
const named = (
  c: ScenarioCluster,
  kind: string,
  name: string,
  namespace?: string,
): KubeObject =>
  objects(c, kind, namespace).find(o => o.metadata.name === name)!;

describe('the demo scenario', () => {
  it('has the four clusters, starting at the current hour', () => {
    expect(demo.clusters.map(c => c.name)).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
      'fed-host',
    ]);
    const start = new Date(demo.startTime!);
    expect(start.getUTCMinutes()).toBe(0);
    expect(Math.abs(start.getTime() - now.getTime())).toBeLessThan(
      3_600_000 + 60_000,
    );
    expect(demo.clusters.map(c => c.token)).toEqual([
      'kubeyard-demo-prod-eu-admin',
      'kubeyard-demo-prod-us-admin',
      'kubeyard-demo-staging-admin',
      'kubeyard-demo-fed-host-admin',
    ]);
  });

  it.each([
    ['prod-eu', 3, 6, ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']],
    ['prod-us', 3, 5, ['us-east-1a', 'us-east-1b']],
    ['staging', 1, 3, ['eu-west-1a']],
  ])(
    '%s has %d control-plane nodes and %d workers',
    (name, controlPlanes, workers, zones) => {
      const nodes = objects(cluster(name), 'Node');
      const cp = nodes.filter(
        n =>
          'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}),
      );
      expect(cp).toHaveLength(controlPlanes);
      expect(nodes.length - cp.length).toBe(workers);
      expect(
        new Set(
          nodes.map(n => n.metadata.labels!['topology.kubernetes.io/zone']),
        ),
      ).toEqual(new Set(zones));
      for (const node of cp) {
        expect((node.spec as any).taints).toEqual([
          {
            key: 'node-role.kubernetes.io/control-plane',
            effect: 'NoSchedule',
          },
        ]);
        expect(
          named(
            cluster(name),
            'Pod',
            `etcd-${node.metadata.name}`,
            'kube-system',
          ).metadata.labels,
        ).toMatchObject({ component: 'etcd' });
      }
    },
  );

  it('has one NotReady worker on prod-us', () => {
    expect(cluster('prod-us').behaviour?.notReadyNodes).toEqual([
      'prod-us-worker-5',
    ]);
  });

  it('labels tenants by Kubeyard conventions, with one unowned and one drifted namespace', () => {
    const eu = cluster('prod-eu');
    expect(
      named(eu, 'Namespace', 'payments-prod').metadata.labels,
    ).toMatchObject({
      'app.kubernetes.io/managed-by': 'kubeyard',
      'kubeyard.io/tenant': 'payments',
      'kubeyard.io/owner': 'group.default.team-payments',
      'kubeyard.io/cost-center': 'cc-1001',
      'kubeyard.io/environment': 'production',
      'pod-security.kubernetes.io/enforce': 'baseline',
    });
    expect(
      named(eu, 'ResourceQuota', 'tenant-quota', 'payments-prod'),
    ).toBeDefined();
    expect(
      named(eu, 'LimitRange', 'tenant-limits', 'payments-prod'),
    ).toBeDefined();
    expect(
      objects(eu, 'NetworkPolicy', 'payments-prod').length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      named(eu, 'Namespace', 'legacy-batch').metadata.labels?.[
        'kubeyard.io/owner'
      ],
    ).toBeUndefined();
    expect(
      named(eu, 'Namespace', 'analytics-prod').metadata.labels?.[
        'kubeyard.io/owner'
      ],
    ).toBe('group.default.team-unknown');
  });

  it('labels every catalog workload with its component', () => {
    for (const c of demo.clusters) {
      for (const w of c.objects.filter(o =>
        ['Deployment', 'StatefulSet'].includes(o.kind),
      )) {
        const id = w.metadata.labels?.['backstage.io/kubernetes-id'];
        if (!id) continue;
        expect([
          'payments-api',
          'checkout',
          'search-indexer',
          'search-web',
          'ledger-worker',
        ]).toContain(id);
        expect(
          (w.spec as any).template.metadata.labels[
            'backstage.io/kubernetes-id'
          ],
        ).toBe(id);
        expect(w.metadata.labels?.['app.kubernetes.io/name']).toBe(id);
      }
    }
  });

  it('keeps federation statuses consistent with the member clusters', () => {
    const fed = cluster('fed-host');
    const binding = named(
      fed,
      'ResourceBinding',
      'payments-api-deployment',
      'payments-prod',
    );
    for (const target of (binding.spec as any).clusters) {
      const deployment = named(
        cluster(target.name),
        'Deployment',
        'payments-api',
        'payments-prod',
      );
      expect((deployment.spec as any).replicas).toBe(target.replicas);
    }
    const rsp = named(
      fed,
      'ReplicaSchedulingPreference',
      'checkout',
      'checkout-prod',
    ).spec as any;
    const totalWeight = Object.values(rsp.clusters).reduce(
      (s: number, c: any) => s + c.weight,
      0,
    ) as number;
    for (const [name, pref] of Object.entries(rsp.clusters) as Array<
      [string, any]
    >) {
      const deployment = named(
        cluster(name),
        'Deployment',
        'checkout',
        'checkout-prod',
      );
      expect((deployment.spec as any).replicas).toBe(
        (rsp.totalReplicas * pref.weight) / totalWeight,
      );
    }
    const karmadaUs = named(fed, 'Cluster', 'prod-us').status as any;
    expect(karmadaUs.nodeSummary).toEqual({ totalNum: 8, readyNum: 7 });
  });

  it('has Velero on three clusters with a history of mixed outcomes', () => {
    for (const name of ['prod-eu', 'prod-us', 'staging']) {
      const backups = objects(cluster(name), 'Backup', 'velero');
      expect(backups.length).toBeGreaterThan(5);
      for (const b of backups) {
        expect(b.metadata.name).toMatch(/^[a-z-]+-\d{14}$/);
        expect(b.metadata.labels?.['velero.io/schedule-name']).toBeDefined();
        expect(Date.parse((b.status as any).expiration)).toBeGreaterThan(
          Date.parse(demo.startTime!),
        );
      }
    }
    const phases = new Set(
      ['prod-eu', 'prod-us'].flatMap(n =>
        objects(cluster(n), 'Backup').map(b => (b.status as any).phase),
      ),
    );
    expect(phases).toEqual(
      new Set(['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation']),
    );
    expect(
      (
        named(cluster('staging'), 'Schedule', 'weekly-full', 'velero')
          .spec as any
      ).paused,
    ).toBe(true);
    expect(cluster('prod-us').behaviour?.storageLocationPhases).toEqual({
      'dr-eu': 'Unavailable',
    });
  });

  it('loads a directory path the same as the name', () => {
    const again = loadScenario(path.join(__dirname, '../../scenarios/demo'));
    expect(again.clusters.map(c => c.objects.length)).toEqual(
      demo.clusters.map(c => c.objects.length),
    );
  });
});

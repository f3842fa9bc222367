import {
  startTestCluster,
  type TestCluster,
} from '../controllers/__testing__/clusterHarness';
import { GVRS } from '../controllers/gvr';
import { findCondition } from '../controllers/objects';
import type { KubeObject } from '../types';
import { loadScenario } from './index';

const demo = loadScenario('demo');
const ready = (pod: KubeObject) =>
  findCondition((pod.status as any)?.conditions, 'Ready')?.status === 'True';

/** The demo's clusters settle into the state the portal is meant to show. */
describe.each(demo.clusters.map(c => [c.name, c] as const))(
  'demo cluster %s, with its controllers running',
  (name, spec) => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await startTestCluster(spec.objects, {
        behaviour: spec.behaviour,
        startTime: demo.startTime,
        name,
      });
      await cluster.advance(2 * 60_000);
    });
    afterAll(() => cluster.stop());

    it('creates every pod its workloads ask for: no admission rejections, nothing unschedulable', () => {
      const failures = cluster
        .list(GVRS.events)
        .filter(e =>
          ['FailedCreate', 'FailedScheduling'].includes(e.reason as string),
        );
      expect(failures.map(e => `${e.reason}: ${e.message}`)).toEqual([]);
      const pending = cluster
        .list(GVRS.pods)
        .filter(
          p =>
            (p.status as any)?.phase !== 'Running' &&
            (p.status as any)?.phase !== 'Succeeded',
        );
      expect(
        pending.map(p => `${p.metadata.namespace}/${p.metadata.name}`),
      ).toEqual([]);
    });

    it('brings Deployments to their replica count, available except the crash-looping ledger-worker', () => {
      for (const d of cluster.list(GVRS.deployments)) {
        const status = d.status as any;
        const replicas = (d.spec as any).replicas;
        expect([d.metadata.name, status.replicas]).toEqual([
          d.metadata.name,
          replicas,
        ]);
        const crashing =
          name === 'prod-eu' && d.metadata.name === 'ledger-worker';
        expect([d.metadata.name, status.availableReplicas ?? 0]).toEqual([
          d.metadata.name,
          crashing ? 0 : replicas,
        ]);
      }
    });

    it('has Ready pods except where the scenario says otherwise', () => {
      const notReadyNodes = new Set(spec.behaviour?.notReadyNodes ?? []);
      const unready = cluster
        .list(GVRS.pods)
        .filter(p => (p.status as any).phase === 'Running' && !ready(p))
        .map(p => ({
          name: `${p.metadata.namespace}/${p.metadata.name}`,
          node: (p.spec as any).nodeName,
          app: p.metadata.labels?.['app.kubernetes.io/name'],
        }));
      for (const pod of unready) {
        expect(notReadyNodes.has(pod.node) || pod.app === 'ledger-worker').toBe(
          true,
        );
      }
      expect(unready.some(p => p.node === 'prod-us-worker-5')).toBe(
        name === 'prod-us',
      );
      const crashLooping = cluster
        .list(GVRS.pods)
        .filter(
          p =>
            (p.status as any).containerStatuses?.[0]?.state?.waiting?.reason ===
            'CrashLoopBackOff',
        )
        .map(p => [
          p.metadata.namespace,
          p.metadata.labels?.['app.kubernetes.io/name'],
          (p.status as any).containerStatuses[0].restartCount,
        ]);
      expect(crashLooping).toEqual(
        name === 'prod-eu' ? [['payments-prod', 'ledger-worker', 14]] : [],
      );
    });

    it('keeps the preloaded Velero history and enables the schedules', () => {
      const backups = cluster.list(GVRS.backups, 'velero');
      expect(backups.length > 5).toBe(name !== 'fed-host');
      expect(backups.every(b => (b.status as any)?.phase)).toBe(true);
      const schedules = cluster
        .list(GVRS.schedules, 'velero')
        .map(s => (s.status as any).phase);
      expect(schedules.every(p => p === 'Enabled')).toBe(true);
      const locations = cluster
        .list(GVRS.backupstoragelocations, 'velero')
        .map(l => `${l.metadata.name}:${(l.status as any).phase}`);
      expect(locations.sort()).toEqual(
        {
          'prod-eu': ['default:Available'],
          'prod-us': ['default:Available', 'dr-eu:Unavailable'],
          staging: ['default:Available'],
          'fed-host': ['default:Available'],
        }[name],
      );
    });

    it('serves Endpoints for Services with selectors', () => {
      for (const svc of cluster
        .list(GVRS.services)
        .filter(s => (s.spec as any).selector)) {
        expect(
          cluster.get(
            GVRS.endpoints,
            svc.metadata.namespace,
            svc.metadata.name!,
          ),
        ).toBeDefined();
      }
    });

    it('serves the staging vcluster as its own cluster', () => {
      expect(cluster.added.map(c => c.name)).toEqual(
        name === 'staging' ? ['staging-search-dev-sandbox'] : [],
      );
    });
  },
);

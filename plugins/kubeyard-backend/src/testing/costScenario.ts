import type { Scenario } from '@kubeyard/kube-simulator';
import { deployment, node } from './fleetScenario';

const namespace = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

const claim = (ns: string, name: string, storage: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { namespace: ns, name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});

/**
 * Clusters for the cost tests: two workers each (16 CPU, 64Gi allocatable), a payments tenant
 * namespace (owner team-payments, 20Gi claim), a search namespace owned by team-search, and an
 * unowned legacy namespace; simulated time starts at `startTime`.
 */
export function costScenario(startTime: string, clusters: string[] = ['alpha', 'beta']): Scenario {
  return {
    name: 'cost-test',
    startTime,
    clusters: clusters.map((name, index) => ({
      name,
      token: `${name}-token`,
      version: 'v1.31.4',
      objects: [
        node(`${name}-w-a`, 'z-a', 'worker'),
        node(`${name}-w-b`, 'z-b', 'worker'),
        namespace('payments', { 'kubeyard.io/tenant': 'payments', 'kubeyard.io/owner': 'group.default.team-payments', 'kubeyard.io/cost-center': 'cc-1001' }),
        namespace('search', { 'kubeyard.io/owner': 'group.default.team-search' }),
        namespace('legacy'),
        deployment('payments', 'payments-api', 3 + index, 'payments-api'),
        deployment('search', 'search-indexer', 2, 'search-indexer'),
        deployment('legacy', 'legacy-app', 1, 'legacy-app'),
        claim('payments', 'ledger-data', '20Gi'),
      ],
    })),
  };
}

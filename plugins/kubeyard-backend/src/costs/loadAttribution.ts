/*
 * Loads what attribution needs once per collection: the namespaces of every cluster (index),
 * the tenants (registry) and the owner Groups (catalog), and answers per cluster and namespace.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NamespaceAttribution, NamespaceInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { CostGroup, CostGroupReader } from './costCatalog';
import { labelledOwners } from '../ownership/ownershipFindings';
import { attributeNamespaces, type AttributionTenant } from './namespaceAttribution';
import type { ClusterAttribution } from './types';

/** Where attribution comes from. */
export interface AttributionSources {
  snapshots(): ClusterSnapshot[];
  tenants(): Promise<AttributionTenant[]>;
  catalog?: CostGroupReader;
  logger?: LoggerService;
}

/** Returns a loader of the current attribution. */
export function attributionLoader(sources: AttributionSources): () => Promise<ClusterAttribution> {
  return async () => {
    const snapshots = sources.snapshots();
    const tenants = new Map((await sources.tenants()).map(t => [t.name, t]));
    const owners = new Set<string>([...[...tenants.values()].map(t => t.owner.toLowerCase()), ...labelledOwners(snapshots)]);
    let groups = new Map<string, CostGroup>();
    try {
      if (sources.catalog) groups = await sources.catalog.groups(owners);
    } catch (error) {
      // Cost centers fall back to the labels; the sample itself must not be lost.
      sources.logger?.warn(`could not read owner groups from the catalog: ${error}`);
    }
    const byCluster = new Map<string, Map<string, NamespaceAttribution>>();
    for (const snapshot of snapshots) {
      const problem = (message: string) => sources.logger?.warn(`cost attribution on ${snapshot.name}: ${message}`);
      byCluster.set(snapshot.name, attributeNamespaces(snapshot.list<NamespaceInfo>('namespaces'), tenants, groups, problem));
    }
    return (cluster, namespace) => byCluster.get(cluster)?.get(namespace);
  };
}

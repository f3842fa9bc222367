import {
  evaluateBackupFindings,
  evaluateCoverage,
  KUBEYARD_LABELS,
  type CoverageResult,
  type Finding,
  type NamespaceInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { coverageInput } from './coverageInput';
import { BACKUP_TIER_KEY } from './backupScope';
import { ClusterVeleroObjects, veleroObjectsOf } from './veleroObjects';

/** What the backup views derive from one cluster's snapshot. */
export interface ClusterBackupFacts {
  objects: ClusterVeleroObjects;
  findings: Finding[];
  coverage: CoverageResult;
}

interface Entry {
  generation: number;
  minute: number;
  facts: ClusterBackupFacts;
}

/** Namespaces whose absence from every Completed backup is a finding: tenants' and tiered ones. */
function protectedNamespaces(snapshot: ClusterSnapshot): string[] {
  return snapshot
    .list<NamespaceInfo>('namespaces')
    .filter(ns => ns.labels?.[KUBEYARD_LABELS.tenant] || ns.labels?.[BACKUP_TIER_KEY])
    .map(ns => ns.name);
}

/**
 * Derives each cluster's backup findings and coverage once per index generation (and per
 * minute, since findings age), so a page polled by many users costs one evaluation.
 */
export class BackupEvaluator {
  private readonly cache = new Map<string, Entry>();

  evaluate(snapshot: ClusterSnapshot, now: Date): ClusterBackupFacts {
    const minute = Math.floor(now.getTime() / 60_000);
    const cached = this.cache.get(snapshot.name);
    if (cached && cached.generation === snapshot.generation && cached.minute === minute) return cached.facts;
    const objects = veleroObjectsOf(snapshot);
    const findings = objects.installed
      ? evaluateBackupFindings({
          cluster: snapshot.name,
          now,
          backups: objects.backups,
          schedules: objects.schedules,
          storageLocations: objects.storageLocations,
          restores: objects.restores,
          protectedNamespaces: protectedNamespaces(snapshot),
        })
      : [];
    const coverage = evaluateCoverage(coverageInput(snapshot, objects));
    const facts = { objects, findings, coverage };
    this.cache.set(snapshot.name, { generation: snapshot.generation, minute, facts });
    return facts;
  }
}

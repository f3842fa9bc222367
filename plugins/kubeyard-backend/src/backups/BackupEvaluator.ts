import {
  evaluateBackupFindings,
  evaluateCoverage,
  KUBEYARD_LABELS,
  type CoverageResult,
  type Finding,
  type NamespaceInfo,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { coverageInput } from './coverageInput';
import { BACKUP_TIER_KEY } from './backupScope';
import { withRecordedDrills, type RecordedRestoreDrill } from './recordedDrills';
import { ClusterVeleroObjects, veleroObjectsOf } from './veleroObjects';

/** What the backup views derive from one cluster's snapshot. */
export interface ClusterBackupFacts {
  objects: ClusterVeleroObjects;
  /**
   * The index's Restores with the drills recorded in the database (withRecordedDrills): what the
   * drill history, the last drill and the drill-overdue rule read. objects.restores is the index's alone.
   */
  restores: VeleroRestore[];
  findings: Finding[];
  coverage: CoverageResult;
}

interface Entry {
  generation: number;
  minute: number;
  recorded: string;
  facts: ClusterBackupFacts;
}

/** Namespaces whose absence from every Completed backup is a finding: tenants' and tiered ones. */
function protectedNamespaces(snapshot: ClusterSnapshot): string[] {
  return snapshot
    .list<NamespaceInfo>('namespaces')
    .filter(ns => ns.labels?.[KUBEYARD_LABELS.tenant] || ns.labels?.[BACKUP_TIER_KEY])
    .map(ns => ns.name);
}

/** What the views evaluate clusters with: an evaluator, or one with the database's drills bound (withRecorded). */
export type BackupEvaluation = Pick<BackupEvaluator, 'evaluate'>;

/**
 * Derives each cluster's backup findings and coverage once per index generation (and per
 * minute, since findings age), so a page polled by many users costs one evaluation.
 */
export class BackupEvaluator {
  private readonly cache = new Map<string, Entry>();

  /** `recorded`: the cluster's drills from the database. */
  evaluate(snapshot: ClusterSnapshot, now: Date, recorded: RecordedRestoreDrill[] = []): ClusterBackupFacts {
    const minute = Math.floor(now.getTime() / 60_000);
    const recordedKey = JSON.stringify(recorded);
    const cached = this.cache.get(snapshot.name);
    if (cached && cached.generation === snapshot.generation && cached.minute === minute && cached.recorded === recordedKey) return cached.facts;
    const objects = veleroObjectsOf(snapshot);
    const restores = withRecordedDrills(objects.restores, recorded);
    const findings = objects.installed
      ? evaluateBackupFindings({
          cluster: snapshot.name,
          now,
          backups: objects.backups,
          schedules: objects.schedules,
          storageLocations: objects.storageLocations,
          restores,
          protectedNamespaces: protectedNamespaces(snapshot),
        })
      : [];
    const coverage = evaluateCoverage(coverageInput(snapshot, objects));
    const facts = { objects, restores, findings, coverage };
    this.cache.set(snapshot.name, { generation: snapshot.generation, minute, recorded: recordedKey, facts });
    return facts;
  }

  /** This evaluator with the drills recorded in the database bound to their clusters (one request's worth). */
  withRecorded(drills: RecordedRestoreDrill[]): BackupEvaluation {
    const byCluster = new Map<string, RecordedRestoreDrill[]>();
    for (const drill of drills) byCluster.set(drill.cluster, [...(byCluster.get(drill.cluster) ?? []), drill]);
    return { evaluate: (snapshot, now) => this.evaluate(snapshot, now, byCluster.get(snapshot.name)) };
  }
}

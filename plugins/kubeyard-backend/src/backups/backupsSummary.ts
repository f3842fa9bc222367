import {
  countFindings,
  isValidVeleroCron,
  type BackupsResponse,
  type BackupView,
  type ClusterBackupSummary,
  type Finding,
  type VeleroSchedule,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { BackupEvaluation, ClusterBackupFacts } from './BackupEvaluator';
import { backupView, backupViewTime, millis, timestamp } from './backupViews';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the timeline plot reaches. */
export const TIMELINE_MS = 7 * DAY_MS;

const SEVERITY_ORDER: Record<Finding['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** Critical first, then by cluster and object. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.object.cluster ?? '').localeCompare(b.object.cluster ?? '') ||
      a.object.name.localeCompare(b.object.name) ||
      a.id.localeCompare(b.id),
  );
}

function scheduleCounts(schedules: VeleroSchedule[]): ClusterBackupSummary['schedules'] {
  const counts = { total: schedules.length, active: 0, paused: 0, invalid: 0 };
  for (const schedule of schedules) {
    if (schedule.status?.phase === 'FailedValidation' || !isValidVeleroCron(schedule.spec?.schedule ?? '')) counts.invalid += 1;
    else if (schedule.spec?.paused) counts.paused += 1;
    else counts.active += 1;
  }
  return counts;
}

/** One cluster's row: locations, schedules, the last 24 h of finished backups, findings. */
export function clusterBackupSummary(snapshot: ClusterSnapshot, facts: ClusterBackupFacts, now: Date): ClusterBackupSummary {
  const { objects, findings } = facts;
  const since = now.getTime() - DAY_MS;
  const last24h: ClusterBackupSummary['last24h'] = { completed: 0, partiallyFailed: 0, failed: 0 };
  let newestCompleted: { at: number; text: string } | undefined;
  for (const backup of objects.backups) {
    const phase = backup.status?.phase;
    const finished = millis(backup.status?.completionTimestamp) ?? millis(backup.status?.startTimestamp) ?? millis(backup.metadata.creationTimestamp);
    if (phase === 'Completed' && finished !== undefined && (!newestCompleted || finished > newestCompleted.at)) {
      newestCompleted = { at: finished, text: timestamp(backup.status?.completionTimestamp) ?? new Date(finished).toISOString() };
    }
    if (finished === undefined || finished < since || finished > now.getTime()) continue;
    if (phase === 'Completed') last24h.completed += 1;
    else if (phase === 'PartiallyFailed') last24h.partiallyFailed += 1;
    else if (phase === 'Failed' || phase === 'FailedValidation') last24h.failed += 1;
  }
  const finishedCount = last24h.completed + last24h.partiallyFailed + last24h.failed;
  if (finishedCount > 0) last24h.successRate = last24h.completed / finishedCount;
  return {
    cluster: snapshot.name,
    sync: snapshot.sync,
    veleroInstalled: objects.installed,
    locations: {
      total: objects.storageLocations.length,
      available: objects.storageLocations.filter(l => l.status?.phase === 'Available').length,
    },
    schedules: scheduleCounts(objects.schedules),
    last24h,
    ...(newestCompleted ? { newestCompleted: newestCompleted.text } : {}),
    findings: countFindings(findings),
  };
}

/** GET /backups: every cluster's row, the last 7 days of backups, coverage counts and findings. */
export function backupsSummary(snapshots: ClusterSnapshot[], evaluator: BackupEvaluation, now: Date): BackupsResponse {
  const clusters: ClusterBackupSummary[] = [];
  const timeline: BackupView[] = [];
  const coverage = { covered: 0, partial: 0, uncovered: 0 };
  const findings: Finding[] = [];
  const since = now.getTime() - TIMELINE_MS;
  for (const snapshot of snapshots) {
    const facts = evaluator.evaluate(snapshot, now);
    clusters.push(clusterBackupSummary(snapshot, facts, now));
    for (const backup of facts.objects.backups) {
      const view = backupView(snapshot.name, backup);
      const at = backupViewTime(view);
      if (at >= since && at <= now.getTime()) timeline.push(view);
    }
    for (const ns of facts.coverage.namespaces) coverage[ns.status] += 1;
    findings.push(...facts.findings);
  }
  timeline.sort((a, b) => backupViewTime(a) - backupViewTime(b) || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name));
  return { clusters, timeline, coverage, findings: sortFindings(findings) };
}

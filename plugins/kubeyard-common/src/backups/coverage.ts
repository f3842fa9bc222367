/*
 * Which workloads the Velero Schedules of a cluster back up. Coverage is decided per workload,
 * not per namespace: a schedule with a labelSelector (the seed's `backup: "true"`) leaves every
 * unlabelled workload out of its backups, so a namespace can be partially covered.
 */
import { BackupFilterOptions, CoverageTarget, CoverageVerdict, compileBackupFilter, BackupFilter } from './backupFilter';
import { isValidVeleroCron, parseVeleroCron } from './cron';
import { validateBackupSpec } from './validateBackupSpec';
import type { BackupSpec, SchedulePhase, ScheduleSpec } from './veleroTypes';

/** Whether a backup of this spec holds the object (Velero's namespace, resource and label filters). */
export function backupCovers(spec: BackupSpec, target: CoverageTarget, options?: BackupFilterOptions): boolean {
  return compileBackupFilter(spec, options).check(target) === 'covered';
}

/** The first of Velero's filters that leaves the object out of a backup of this spec, or `covered`. */
export function explainCoverage(spec: BackupSpec, target: CoverageTarget, options?: BackupFilterOptions): CoverageVerdict {
  return compileBackupFilter(spec, options).check(target);
}

/** A Schedule as evaluateCoverage reads it. */
export interface CoverageSchedule {
  cluster: string;
  namespace: string;
  name: string;
  spec: ScheduleSpec;
  phase?: SchedulePhase;
  validationErrors?: string[];
}

/** A namespace as evaluateCoverage reads it; namespaces without workloads are reported too. */
export interface CoverageNamespace {
  cluster: string;
  name: string;
  labels?: Record<string, string>;
}

/** A workload as evaluateCoverage reads it. */
export interface CoverageWorkload {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  /** metadata.labels: what the backup's labelSelector sees on the workload object. */
  labels: Record<string, string>;
  /** spec.template.metadata.labels: what it sees on the pods. Defaults to labels. */
  templateLabels?: Record<string, string>;
  /** The resource name when the kind is not a built-in workload, e.g. `rollouts.argoproj.io`. */
  resource?: string;
  /**
   * The pods mount PersistentVolumeClaims. Velero reaches a pod's claims, and backs up their
   * data (snapshots or file-system backup), through the pod: such a workload is covered only
   * when its pods and persistentvolumeclaims are in the backup too.
   */
  persistentVolumeClaims?: boolean;
}

/** Why a workload is not in any backup, from the furthest filter any schedule got to. */
export type UncoveredReason =
  | 'no-active-schedule'
  | Exclude<CoverageVerdict, 'covered'>
  | 'pods-not-selected'
  | 'volumes-excluded';

/** A workload no active schedule backs up. */
export interface UncoveredWorkload {
  kind: string;
  name: string;
  reason: UncoveredReason;
}

/** covered: every workload is backed up; partial: some are; uncovered: none is. */
export type CoverageStatus = 'covered' | 'partial' | 'uncovered';

/** One namespace's coverage. */
export interface NamespaceCoverage {
  cluster: string;
  namespace: string;
  status: CoverageStatus;
  /** Active schedules that back up at least one of its workloads (or, without workloads, the namespace). */
  schedules: string[];
  uncoveredWorkloads: UncoveredWorkload[];
  workloadCount: number;
}

/** Why a schedule does not count as covering anything. */
export type IgnoredScheduleReason = 'paused' | 'failed-validation' | 'invalid-template';

/** A schedule that covers nothing, and why. */
export interface IgnoredSchedule {
  cluster: string;
  namespace: string;
  name: string;
  reason: IgnoredScheduleReason;
  detail: string;
}

/** What evaluateCoverage reads. */
export interface CoverageInput {
  schedules: CoverageSchedule[];
  namespaces: CoverageNamespace[];
  workloads: CoverageWorkload[];
  options?: BackupFilterOptions;
}

/** What evaluateCoverage returns, namespaces sorted by cluster and name. */
export interface CoverageResult {
  namespaces: NamespaceCoverage[];
  ignoredSchedules: IgnoredSchedule[];
}

const KIND_RESOURCES: Record<string, string> = {
  Deployment: 'deployments.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  ReplicaSet: 'replicasets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
  Pod: 'pods',
  ReplicationController: 'replicationcontrollers',
};

/** The Velero resource name of a workload kind: `Deployment` → `deployments.apps`. */
export function resourceOfKind(kind: string): string {
  return KIND_RESOURCES[kind] ?? `${kind.toLowerCase()}s`;
}

const REASON_RANK: Record<UncoveredReason, number> = {
  'no-active-schedule': 0,
  'namespace-excluded': 1,
  'resource-excluded': 2,
  'labels-not-selected': 3,
  'pods-not-selected': 4,
  'volumes-excluded': 5,
};

interface ActiveSchedule {
  name: string;
  filter: BackupFilter;
}

/** Why a schedule covers nothing, or undefined when it is active. */
function ignoreReason(schedule: CoverageSchedule, filter: BackupFilter): Omit<IgnoredSchedule, 'cluster' | 'namespace' | 'name'> | undefined {
  if (schedule.phase === 'FailedValidation' || !isValidVeleroCron(schedule.spec.schedule)) {
    let detail = schedule.validationErrors?.join('; ');
    if (!detail) {
      try {
        parseVeleroCron(schedule.spec.schedule);
        detail = 'Velero marked the schedule FailedValidation';
      } catch (error) {
        detail = (error as Error).message;
      }
    }
    return { reason: 'failed-validation', detail };
  }
  if (schedule.spec.paused) return { reason: 'paused', detail: 'spec.paused is true: Velero creates no backups' };
  const errors = validateBackupSpec(schedule.spec.template);
  if (filter.problem && !errors.includes(filter.problem)) errors.push(filter.problem);
  if (errors.length > 0) return { reason: 'invalid-template', detail: `its backups fail validation: ${errors.join('; ')}` };
  return undefined;
}

/** A workload's verdict under one schedule. */
function workloadVerdict(filter: BackupFilter, workload: CoverageWorkload, resource: string): UncoveredReason | 'covered' {
  const verdict = filter.check({ namespace: workload.namespace, resource, labels: workload.labels });
  if (verdict !== 'covered' || !workload.persistentVolumeClaims) return verdict;
  const podLabels = workload.templateLabels ?? workload.labels;
  if (filter.check({ namespace: workload.namespace, resource: 'pods', labels: podLabels }) !== 'covered') return 'pods-not-selected';
  if (!filter.includesResource('persistentvolumeclaims')) return 'volumes-excluded';
  return 'covered';
}

function key(cluster: string, namespace: string): string {
  return `${cluster}\u0000${namespace}`;
}

/**
 * Per namespace: which active schedules back up its workloads and which workloads none does.
 * Paused schedules, FailedValidation ones and those whose template Velero would refuse cover
 * nothing; they are listed in ignoredSchedules with the reason. Each schedule is compiled once,
 * each namespace tested once per schedule.
 */
export function evaluateCoverage(input: CoverageInput): CoverageResult {
  const ignoredSchedules: IgnoredSchedule[] = [];
  const activeByCluster = new Map<string, ActiveSchedule[]>();
  for (const schedule of input.schedules) {
    const filter = compileBackupFilter(schedule.spec.template ?? {}, input.options);
    const ignored = ignoreReason(schedule, filter);
    if (ignored) {
      ignoredSchedules.push({ cluster: schedule.cluster, namespace: schedule.namespace, name: schedule.name, ...ignored });
      continue;
    }
    const list = activeByCluster.get(schedule.cluster) ?? [];
    list.push({ name: schedule.name, filter });
    activeByCluster.set(schedule.cluster, list);
  }

  const namespaces = new Map<string, { cluster: string; namespace: string; workloads: CoverageWorkload[] }>();
  const entry = (cluster: string, namespace: string) => {
    const k = key(cluster, namespace);
    let found = namespaces.get(k);
    if (!found) {
      found = { cluster, namespace, workloads: [] };
      namespaces.set(k, found);
    }
    return found;
  };
  for (const ns of input.namespaces) entry(ns.cluster, ns.name);
  for (const workload of input.workloads) entry(workload.cluster, workload.namespace).workloads.push(workload);

  const result: NamespaceCoverage[] = [];
  for (const { cluster, namespace, workloads } of namespaces.values()) {
    const active = activeByCluster.get(cluster) ?? [];
    const candidates = active.filter(s => s.filter.includesNamespace(namespace));
    const covering = new Set<string>();
    const uncoveredWorkloads: UncoveredWorkload[] = [];
    for (const workload of workloads) {
      const resource = workload.resource ?? resourceOfKind(workload.kind);
      let reason: UncoveredReason = active.length > 0 ? 'namespace-excluded' : 'no-active-schedule';
      let covered = false;
      for (const schedule of candidates) {
        const verdict = workloadVerdict(schedule.filter, workload, resource);
        if (verdict === 'covered') {
          covered = true;
          covering.add(schedule.name);
        } else if (REASON_RANK[verdict] > REASON_RANK[reason]) {
          reason = verdict;
        }
      }
      if (!covered) uncoveredWorkloads.push({ kind: workload.kind, name: workload.name, reason });
    }
    let status: CoverageStatus;
    if (workloads.length === 0) {
      // Nothing to miss: the namespace's own objects are in any backup that includes it.
      for (const schedule of candidates) covering.add(schedule.name);
      status = candidates.length > 0 ? 'covered' : 'uncovered';
    } else if (uncoveredWorkloads.length === 0) {
      status = 'covered';
    } else {
      status = uncoveredWorkloads.length === workloads.length ? 'uncovered' : 'partial';
    }
    result.push({
      cluster,
      namespace,
      status,
      schedules: [...covering].sort(),
      uncoveredWorkloads: uncoveredWorkloads.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)),
      workloadCount: workloads.length,
    });
  }
  result.sort((a, b) => a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace));
  return { namespaces: result, ignoredSchedules };
}

/*
 * Velero Schedule presets (seed 001:8147–8225) and the per-tenant Schedule Kubeyard proposes.
 * The seed's daily preset also carries `labelSelector: { backup: "true" }`; the presets here do
 * not, because that selector silently drops every unlabelled workload (see coverage.ts).
 */
import { InputError } from '@backstage/errors';
import type { Finding, FindingObject } from '../findings/types';
import { KUBEYARD_LABELS, KUBEYARD_MANAGER } from '../tenants/conventions';
import { dns1123LabelProblem } from '../tenants/kubernetesNames';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { RecoveryTier, recoveryTier } from './recoveryTiers';
import { BackupSpec, VELERO_NAMESPACE, VeleroSchedule } from './veleroTypes';

/** The names of the presets. */
export type SchedulePresetName = 'daily' | 'weekly-full' | 'hourly' | 'every-5-minutes';

/** A Schedule preset: cron, retention and the cluster-wide template. */
export interface SchedulePreset {
  name: SchedulePresetName;
  /** spec.schedule. */
  schedule: string;
  /** spec.template.ttl, as Velero writes durations. */
  ttl: string;
  /** The longest gap between runs (what scheduleInterval returns for `schedule`). */
  intervalMs: number;
  description: string;
  /** The template for a whole-cluster Schedule. */
  template: BackupSpec;
}

/** Namespaces the cluster-wide presets leave out: Kubernetes recreates them. */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

/** The presets. */
export const SCHEDULE_PRESETS: Readonly<Record<SchedulePresetName, SchedulePreset>> = {
  daily: {
    name: 'daily',
    schedule: '0 2 * * *',
    ttl: '720h0m0s',
    intervalMs: DAY_MS,
    description: 'Every day at 02:00 UTC, kept 30 days; every namespace but the system ones, with cluster resources and volume snapshots',
    template: {
      includedNamespaces: ['*'],
      excludedNamespaces: [...SYSTEM_NAMESPACES],
      includedResources: ['*'],
      includeClusterResources: true,
      snapshotVolumes: true,
      ttl: '720h0m0s',
    },
  },
  'weekly-full': {
    name: 'weekly-full',
    schedule: '0 1 * * 0',
    ttl: '2160h0m0s',
    intervalMs: 7 * DAY_MS,
    description: 'Every Sunday at 01:00 UTC, kept 90 days; the whole cluster with volume snapshots',
    template: { includedNamespaces: ['*'], includeClusterResources: true, snapshotVolumes: true, ttl: '2160h0m0s' },
  },
  hourly: {
    name: 'hourly',
    schedule: '0 * * * *',
    ttl: '168h0m0s',
    intervalMs: HOUR_MS,
    description: 'Every hour on the hour, kept 7 days; for data that may lose at most an hour',
    template: { includedNamespaces: ['*'], excludedNamespaces: [...SYSTEM_NAMESPACES], snapshotVolumes: true, ttl: '168h0m0s' },
  },
  'every-5-minutes': {
    name: 'every-5-minutes',
    schedule: '*/5 * * * *',
    ttl: '24h0m0s',
    intervalMs: 5 * MINUTE_MS,
    // The cost, said where the preset is picked: 288 Backups a day per schedule, each of which
    // must finish within 5 minutes, since Velero starts no backup of a schedule while its
    // previous one is New or InProgress.
    description:
      'Every 5 minutes, kept 24 hours: 288 backups a day, each of which must finish within 5 minutes or the next run is skipped; use volume snapshots, not file-system backup',
    template: { includedNamespaces: ['*'], excludedNamespaces: [...SYSTEM_NAMESPACES], snapshotVolumes: true, ttl: '24h0m0s' },
  },
};

/**
 * The preset that meets a tier's RPO: the least frequent one whose interval fits it. Tier 1
 * (RPO 0) gets hourly: no schedule meets it, replication carries it, and the backups only
 * guard against corruption that replication copies.
 */
export function presetForTier(tier: RecoveryTier): SchedulePreset {
  const { rpoMs } = recoveryTier(tier);
  if (rpoMs === 0) return SCHEDULE_PRESETS.hourly;
  const fitting = [SCHEDULE_PRESETS.daily, SCHEDULE_PRESETS.hourly, SCHEDULE_PRESETS['every-5-minutes']].find(p => p.intervalMs <= rpoMs);
  return fitting ?? SCHEDULE_PRESETS['every-5-minutes'];
}

/** What scheduleForTenant reads. */
export interface TenantScheduleInput {
  tenant: string;
  /** The tenant's namespace, or all of them. */
  namespace: string | string[];
  backupTier: RecoveryTier;
  /** A BackupStorageLocation name; Velero's default location when absent. */
  storageLocation?: string;
  /** The namespace Velero runs in on the cluster (default `velero`). */
  veleroNamespace?: string;
}

/** The Schedule for a tenant, the preset it follows, and what the tier needs beyond it. */
export interface TenantSchedulePlan {
  schedule: VeleroSchedule;
  preset: SchedulePresetName;
  findings: Finding[];
}

/** Velero copies the Schedule's name into each backup's velero.io/schedule-name label, which holds 63 characters. */
const MAX_SCHEDULE_NAME = 63;

/** The tenant's namespaces, checked and sorted; InputError naming the bad one. */
function tenantNamespaces(input: TenantScheduleInput): string[] {
  const tenantProblem = dns1123LabelProblem(input.tenant);
  if (tenantProblem) throw new InputError(`tenant ${tenantProblem}`);
  const namespaces = [...new Set(Array.isArray(input.namespace) ? input.namespace : [input.namespace])];
  if (namespaces.length === 0) throw new InputError('a tenant Schedule needs at least one namespace');
  for (const namespace of namespaces) {
    const problem = dns1123LabelProblem(namespace);
    if (problem) throw new InputError(`namespace ${problem}`);
  }
  return namespaces.sort();
}

/** A Velero Schedule manifest for a tenant's namespaces at one preset, named `kubeyard-<tenant>-<preset>`. */
export function tenantScheduleManifest(input: TenantScheduleInput, preset: SchedulePreset): VeleroSchedule {
  const namespaces = tenantNamespaces(input);
  const name = `kubeyard-${input.tenant}-${preset.name}`;
  if (name.length > MAX_SCHEDULE_NAME) {
    throw new InputError(
      `Schedule name "${name}" is ${name.length} characters; Velero copies it into a label of at most ${MAX_SCHEDULE_NAME}, so the tenant name may have at most ${MAX_SCHEDULE_NAME - name.length + input.tenant.length}`,
    );
  }
  const labels = { [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER, [KUBEYARD_LABELS.tenant]: input.tenant };
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: { name, namespace: input.veleroNamespace ?? VELERO_NAMESPACE, labels },
    spec: {
      schedule: preset.schedule,
      // Only the tenant's namespaces; includeClusterResources stays unset, so Velero adds just the
      // cluster objects they use (their PersistentVolumes), not the whole cluster's.
      template: {
        metadata: { labels: { ...labels } },
        includedNamespaces: namespaces,
        snapshotVolumes: true,
        ttl: preset.ttl,
        ...(input.storageLocation ? { storageLocation: input.storageLocation } : {}),
      },
      useOwnerReferencesInBackup: false,
    },
  };
}

/** A Velero Schedule manifest for a tenant's namespaces, at the preset its tier's RPO needs. */
export function scheduleForTenant(input: TenantScheduleInput): TenantSchedulePlan {
  const preset = presetForTier(input.backupTier);
  const schedule = tenantScheduleManifest(input, preset);
  const name = schedule.metadata.name;
  const namespaces = schedule.spec.template.includedNamespaces ?? [];
  const object: FindingObject = { kind: 'Schedule', name, namespace: schedule.metadata.namespace };
  const findings: Finding[] = [];
  if (recoveryTier(input.backupTier).rpoMs === 0) {
    findings.push({
      id: 'backup.rpo.needs-replication',
      severity: 'warning',
      object,
      message: `Tenant ${input.tenant} is backup tier 1 (RPO 0): no backup schedule loses no data; Schedule ${name} backs up hourly as a fallback against corruption`,
      fix: 'Replicate the data continuously (database streaming replication or synchronous storage replication to a standby) and keep the hourly Schedule for point-in-time recovery',
    });
  }
  if (preset.name === 'every-5-minutes') {
    findings.push({
      id: 'backup.schedule.high-frequency',
      severity: 'info',
      object,
      message: `Schedule ${name} backs up every 5 minutes (288 backups a day, kept 24h) to meet tier ${input.backupTier}'s 5m RPO; a backup that takes longer than 5 minutes makes Velero skip the next run`,
      fix: `Keep ${namespaces.join(', ')} small, use CSI volume snapshots rather than file-system backup, and watch backup durations; for databases, continuous archiving (WAL/binlog shipping) meets a 5m RPO more cheaply`,
    });
  }
  return { schedule, preset: preset.name, findings };
}

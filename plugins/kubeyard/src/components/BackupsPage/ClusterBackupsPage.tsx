import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef, useRouteRefParams } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { BackupView, RestoreView, ScheduleView, StorageLocationView } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { backupsRouteRef, clusterBackupsRouteRef } from '../../routes';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { FindingsList, PollingContent, StatusChip, SyncChip } from '../shared';
import { BackupPhaseChip } from './BackupPhaseChip';

const dim = (text: string) => (
  <Typography variant="body2" color="textSecondary">
    {text}
  </Typography>
);

const time = (iso?: string) => (iso ? <span title={formatTimestamp(iso)}>{formatRelativeTime(iso)}</span> : dim('—'));

/** `in 3 h`, for times ahead. */
function inFuture(iso: string): string {
  const ms = Date.parse(iso) - Date.now();
  if (ms <= 60_000) return 'within a minute';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in ${hours} h` : `in ${Math.round(hours / 24)} d`;
}

const locationColumns: TableColumn<StorageLocationView>[] = [
  { title: 'Name', field: 'name', highlight: true, render: l => (l.default ? `${l.name} (default)` : l.name) },
  { title: 'Provider', field: 'provider' },
  { title: 'Bucket', render: l => `${l.bucket ?? '—'}${l.prefix ? `/${l.prefix}` : ''}` },
  { title: 'Region', field: 'region', emptyValue: '—' },
  {
    title: 'Phase',
    render: l => <StatusChip tone={l.phase === 'Available' ? 'ok' : l.phase === 'Unavailable' ? 'error' : 'neutral'} label={l.phase ?? 'unknown'} title={l.message} />,
  },
  { title: 'Last validation', render: l => time(l.lastValidationTime) },
  { title: 'Message', field: 'message', emptyValue: '—' },
];

const scheduleColumns: TableColumn<ScheduleView>[] = [
  { title: 'Name', field: 'name', highlight: true },
  { title: 'Cron', field: 'cron', render: s => <code>{s.cron}</code> },
  {
    title: 'State',
    render: s => {
      if (s.phase === 'FailedValidation') return <StatusChip tone="error" label="FailedValidation" title={s.validationErrors?.join('; ')} />;
      if (s.paused) return <StatusChip tone="warning" label="paused" />;
      return <StatusChip tone="ok" label={s.phase ?? 'New'} />;
    },
  },
  { title: 'Next run', render: s => (s.nextRun ? <span title={formatTimestamp(s.nextRun)}>{inFuture(s.nextRun)}</span> : dim(s.paused ? 'paused' : '—')) },
  { title: 'Last backup', render: s => time(s.lastBackup) },
  {
    title: 'Selects',
    render: s => {
      const parts = [
        s.includedNamespaces.length > 0 ? `namespaces ${s.includedNamespaces.join(', ')}` : 'all namespaces',
        ...(s.excludedNamespaces.length > 0 ? [`except ${s.excludedNamespaces.join(', ')}`] : []),
        ...(s.labelSelector ? [`labels ${s.labelSelector}`] : []),
      ];
      return parts.join('; ');
    },
  },
  { title: 'TTL', field: 'ttl', emptyValue: '—' },
];

const backupColumns: TableColumn<BackupView>[] = [
  { title: 'Name', field: 'name', highlight: true },
  { title: 'Phase', render: b => <BackupPhaseChip phase={b.phase} /> },
  { title: 'Schedule', field: 'scheduleName', emptyValue: 'manual' },
  { title: 'Started', render: b => time(b.startTimestamp) },
  {
    title: 'Took',
    render: b => (b.startTimestamp && b.completionTimestamp ? formatDuration(b.startTimestamp, b.completionTimestamp) : dim('—')),
  },
  {
    title: 'Errors / warnings',
    render: b => `${b.errors ?? 0} / ${b.warnings ?? 0}`,
  },
  {
    title: 'Items',
    render: b => (b.progress?.totalItems !== undefined ? `${b.progress.itemsBackedUp ?? 0}/${b.progress.totalItems}` : dim('—')),
  },
  { title: 'Expires', render: b => (b.expiration ? <span title={formatTimestamp(b.expiration)}>{Date.parse(b.expiration) > Date.now() ? inFuture(b.expiration) : 'expired'}</span> : dim('—')) },
];

const restoreColumns: TableColumn<RestoreView>[] = [
  { title: 'Name', field: 'name', highlight: true },
  { title: 'Kind', render: r => (r.drill ? <StatusChip tone="neutral" label="drill" title="Restored beside the original to measure the RTO" /> : 'restore') },
  { title: 'Backup', field: 'backupName', emptyValue: '—' },
  { title: 'Phase', render: r => <BackupPhaseChip phase={r.phase} /> },
  {
    title: 'Namespace mapping',
    render: r => {
      const mapping = Object.entries(r.namespaceMapping ?? {});
      return mapping.length > 0 ? mapping.map(([from, to]) => `${from} → ${to}`).join(', ') : dim('—');
    },
  },
  { title: 'Started', render: r => time(r.startTimestamp) },
  { title: 'RTO (measured)', render: r => (r.startTimestamp && r.completionTimestamp ? formatDuration(r.startTimestamp, r.completionTimestamp) : dim('—')) },
];

const tableOptions = (rows: number) => ({ paging: rows > 20, pageSize: 20, padding: 'dense' as const, search: false });

/** One cluster's Velero objects at /kubeyard/backups/:cluster. */
export function ClusterBackupsPage() {
  const { cluster } = useRouteRefParams(clusterBackupsRouteRef);
  const api = useApi(kubeyardApiRef);
  const backupsLink = useRouteRef(backupsRouteRef);
  const state = usePolling(() => api.getClusterBackups(cluster), [api, cluster]);
  return (
    <KubeyardLayout
      tab="backups"
      title={cluster}
      subtitle="Velero storage locations, schedules, backups and restores"
      type="Backups"
      typeLink={backupsLink?.()}
      headerLabels={state.value && <SyncChip sync={state.value.sync} />}
    >
      <PollingContent state={state}>
        {detail => (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <InfoCard title={`Findings (${detail.findings.length})`}>
                <FindingsList findings={detail.findings} emptyText="No backup findings." />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <Table<StorageLocationView>
                title={`Backup storage locations (${detail.locations.length})`}
                columns={locationColumns}
                data={detail.locations}
                options={tableOptions(detail.locations.length)}
                emptyContent={<Typography style={{ padding: 16 }}>No BackupStorageLocation: Velero has nowhere to write backups.</Typography>}
              />
            </Grid>
            <Grid item xs={12}>
              <Table<ScheduleView>
                title={`Schedules (${detail.schedules.length})`}
                columns={scheduleColumns}
                data={detail.schedules}
                options={tableOptions(detail.schedules.length)}
                emptyContent={<Typography style={{ padding: 16 }}>No Schedule: only manual backups are made.</Typography>}
              />
            </Grid>
            <Grid item xs={12}>
              <Table<BackupView>
                title={`Backups (${detail.backups.length})`}
                columns={backupColumns}
                data={detail.backups}
                options={tableOptions(detail.backups.length)}
                emptyContent={<Typography style={{ padding: 16 }}>No backups.</Typography>}
              />
            </Grid>
            <Grid item xs={12}>
              <Table<RestoreView>
                title={`Restores (${detail.restores.length})`}
                columns={restoreColumns}
                data={detail.restores}
                options={tableOptions(detail.restores.length)}
                emptyContent={<Typography style={{ padding: 16 }}>No restores, and so no restore drill yet.</Typography>}
              />
            </Grid>
          </Grid>
        )}
      </PollingContent>
    </KubeyardLayout>
  );
}

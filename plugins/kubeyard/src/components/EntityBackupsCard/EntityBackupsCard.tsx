import { EmptyState, InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { RECOVERY_TIERS, type CoverageResponse, type CoverageStatus, type RestoreView } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { backupsRouteRef } from '../../routes';
import { CoverageChip, UncoveredWorkloads } from '../BackupsPage/CoverageTable';
import { FindingsList, PollingContent, StatusChip } from '../shared';

/** The catalog annotation (and tenant namespace label) that sets an entity's backup tier. */
export const BACKUP_TIER_ANNOTATION = 'kubeyard.io/backup-tier';

/** A duration in ms as the tiers read: `0`, `5 min`, `1 h`, `3 d`. */
export function formatMs(ms: number): string {
  if (ms === 0) return '0';
  if (ms >= 48 * 3_600_000 && ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  return formatDuration(new Date(0).toISOString(), new Date(ms).toISOString());
}

function overall(coverage: CoverageResponse): CoverageStatus {
  const statuses = coverage.namespaces.map(n => n.status);
  if (statuses.every(s => s === 'covered')) return 'covered';
  if (statuses.every(s => s === 'uncovered')) return 'uncovered';
  return 'partial';
}

const TIER_TEXT = Object.values(RECOVERY_TIERS)
  .map(t => `${t.tier} (RPO ${formatMs(t.rpoMs)}, RTO ${formatMs(t.rtoMs)})`)
  .join(', ');

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function TierHint() {
  return (
    <Alert severity="info">
      No backup tier: add the annotation <code>{BACKUP_TIER_ANNOTATION}</code> (for a tenant, the label on its
      namespaces) to check RPO compliance. Tiers: {TIER_TEXT}.
    </Alert>
  );
}

function CardContent(props: { coverage: CoverageResponse }) {
  const { coverage } = props;
  const { rpo, lastDrill } = coverage;
  if (coverage.namespaces.length === 0 && !rpo) {
    return (
      <EmptyState
        missing="field"
        title="No namespaces to back up"
        description={`Kubeyard finds an entity's namespaces by backstage.io/kubernetes-namespace or its workloads' backstage.io/kubernetes-id, and found none on any cluster. Annotate it with ${BACKUP_TIER_ANNOTATION}: "1"…"4" to check its recovery point objective: ${TIER_TEXT}.`}
      />
    );
  }
  return (
    <>
      <Section title="Coverage">
        {coverage.namespaces.length === 0 ? (
          <Typography variant="body2">Not found on any cluster: nothing is backed up.</Typography>
        ) : (
          <>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <CoverageChip status={overall(coverage)} />
              <Typography variant="body2">
                {coverage.namespaces.map(n => `${n.namespace} on ${n.cluster}`).join(', ')}
              </Typography>
            </Box>
            {coverage.namespaces
              .filter(n => n.uncoveredWorkloads.length > 0)
              .map(n => (
                <Box key={`${n.cluster}/${n.namespace}`} mt={1}>
                  <Typography variant="body2">
                    Not in any backup ({n.namespace} on {n.cluster}):
                  </Typography>
                  <UncoveredWorkloads coverage={n} />
                </Box>
              ))}
          </>
        )}
      </Section>
      {rpo ? (
        <Section title={`RPO, tier ${rpo.tier}`}>
          <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
            <StatusChip tone={rpo.compliant ? 'ok' : 'error'} label={rpo.compliant ? 'compliant' : 'not compliant'} />
            <Typography variant="body2">
              RPO {formatMs(rpo.rpoMs)}, RTO {formatMs(rpo.rtoMs)}
              {rpo.intervalMs !== undefined ? `; schedules run every ${formatMs(rpo.intervalMs)} at most` : ''}
            </Typography>
          </Box>
          <Typography variant="body2">
            Newest Completed backup:{' '}
            {rpo.newestCompletedAt ? (
              <span title={formatTimestamp(rpo.newestCompletedAt)}>{formatRelativeTime(rpo.newestCompletedAt)}</span>
            ) : (
              'none'
            )}
          </Typography>
          {rpo.findings.length > 0 && (
            <Box mt={1}>
              <FindingsList findings={rpo.findings} showCluster />
            </Box>
          )}
        </Section>
      ) : (
        <Box mb={2}>
          <TierHint />
        </Box>
      )}
      <Section title="Last restore drill">
        {lastDrill ? (
          <Typography variant="body2">
            {lastDrill.name} on {lastDrill.cluster}, {lastDrill.phase ?? 'unknown phase'}
            {lastDrill.completionTimestamp ? `, ${formatRelativeTime(lastDrill.completionTimestamp)}` : ''}
            {describeDrillRto(lastDrill, rpo)}
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No restore drill yet: a backup is only known to work once it has been restored.
          </Typography>
        )}
      </Section>
    </>
  );
}

/** The "Backups" card of a Component or tenant: coverage, newest backup, RPO with tier, last drill. */
export function EntityBackupsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(kubeyardApiRef);
  const backupsLink = useRouteRef(backupsRouteRef);
  const state = usePolling(() => api.getBackupCoverage({ entityRef }), [api, entityRef]);
  return (
    <InfoCard
      title="Backups"
      subheader="Velero coverage and recovery point objective"
      deepLink={backupsLink && { title: 'All backups', link: backupsLink() }}
    >
      <PollingContent state={state}>{coverage => <CardContent coverage={coverage} />}</PollingContent>
    </InfoCard>
  );
}

/**
 * The RTO part of the last drill's line: the drill's own record (restore plus pods Ready,
 * against the tier it was measured for) when Kubeyard ran it, else the Restore's duration
 * against the current tier.
 */
export function describeDrillRto(drill: RestoreView, rpo: { tier: number; rtoMs: number } | undefined): string {
  const record = drill.record;
  const rtoMs = record?.rtoMs ?? drill.durationMs;
  if (rtoMs === undefined) return record ? '; the restore did not complete, no RTO' : '';
  const pods = record?.podsReady ? `, ${record.podsReady.ready}/${record.podsReady.total} pods Ready` : '';
  const tier = record?.tier ?? rpo?.tier;
  const tierRtoMs = record?.tierRtoMs ?? rpo?.rtoMs;
  // A recorded drill carries its verdict (a partly failed restore is not compliant however
  // fast); otherwise the duration is compared with the tier.
  const within = record ? record.compliant : tierRtoMs !== undefined && rtoMs <= tierRtoMs;
  const verdict =
    tier !== undefined && tierRtoMs !== undefined
      ? ` (${within ? 'within' : record && rtoMs <= tierRtoMs ? 'not compliant with' : 'over'} tier ${tier}'s ${formatMs(tierRtoMs)})`
      : '';
  return `; RTO measured ${formatMs(rtoMs)}${pods}${verdict}`;
}

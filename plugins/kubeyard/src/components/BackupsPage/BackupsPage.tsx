import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { FindingsList, PollingContent } from '../shared';
import { BackupClustersTable } from './BackupClustersTable';
import { BackupTimeline } from './BackupTimeline';
import { CoverageTable } from './CoverageTable';

function CoverageSection() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.getBackupCoverage(), [api]);
  return (
    <PollingContent state={state}>
      {coverage => <CoverageTable namespaces={coverage.namespaces} />}
    </PollingContent>
  );
}

/** Velero across the fleet at /kubeyard/backups: clusters, the last week's backups, coverage, findings. */
export function BackupsPage() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.getBackups(), [api]);
  return (
    <KubeyardLayout tab="backups" title="Backups" subtitle="Velero backups, schedules and coverage, refreshed every 15 s">
      <PollingContent state={state}>
        {backups => {
          if (backups.clusters.length === 0) {
            return (
              <EmptyState
                missing="data"
                title="No clusters"
                description="Configure clusters under kubernetes.clusterLocatorMethods; Kubeyard then reads their Velero objects."
              />
            );
          }
          const { covered, partial, uncovered } = backups.coverage;
          const withVelero = backups.clusters.filter(c => c.veleroInstalled).length;
          return (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                {withVelero === 0 ? (
                  <Alert severity="info">
                    No cluster runs Velero (velero.io/v1 is not served anywhere). Install Velero with a
                    BackupStorageLocation and a Schedule to see backups here.
                  </Alert>
                ) : (
                  <Alert severity={uncovered + partial > 0 ? 'warning' : 'success'}>
                    {pluralize(withVelero, 'cluster')} of {backups.clusters.length} run Velero. Namespaces:{' '}
                    {covered} covered, {partial} partially covered, {uncovered} uncovered.
                  </Alert>
                )}
              </Grid>
              <Grid item xs={12}>
                <BackupClustersTable clusters={backups.clusters} />
              </Grid>
              <Grid item xs={12}>
                <BackupTimeline clusters={backups.clusters.map(c => c.cluster)} backups={backups.timeline} />
              </Grid>
              <Grid item xs={12}>
                <CoverageSection />
              </Grid>
              <Grid item xs={12}>
                <InfoCard title={`Findings (${backups.findings.length})`}>
                  <FindingsList findings={backups.findings} showCluster emptyText="No backup findings." />
                </InfoCard>
              </Grid>
            </Grid>
          );
        }}
      </PollingContent>
    </KubeyardLayout>
  );
}

import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { formatRelativeTime } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { clusterRouteRef, rootRouteRef } from '../../routes';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { ClusterStatusChip, PollingContent } from '../shared';
import { ClusterFindingsCard } from './ClusterFindingsCard';
import { ClusterOverviewCard } from './ClusterOverviewCard';
import { ControlPlaneCard } from './ControlPlaneCard';
import { ZoneCard } from './ZoneCard';

/** One cluster at /kubeyard/clusters/:name: overview, control plane, findings, zones. */
export function ClusterPage() {
  const { name } = useRouteRefParams(clusterRouteRef);
  const api = useApi(kubeyardApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const state = usePolling(() => api.getCluster(name), [api, name]);
  const summary = state.value?.summary;
  return (
    <KubeyardLayout
      tab="fleet"
      title={name}
      subtitle={summary?.version ? `Kubernetes ${summary.version}` : undefined}
      type="Fleet"
      typeLink={rootLink?.()}
      headerLabels={summary && <ClusterStatusChip status={summary.status} />}
    >
      <PollingContent state={state}>
        {detail => (
          <Grid container spacing={3}>
            {detail.summary.sync.error !== undefined && (
              <Grid item xs={12}>
                <Alert severity="error">
                  {name} is unreachable:{' '}
                  {detail.summary.sync.error ?? 'unknown error'}.{' '}
                  {detail.summary.sync.lastSyncTime
                    ? `What follows is the state last synced ${formatRelativeTime(
                        detail.summary.sync.lastSyncTime,
                      )}.`
                    : 'Nothing has been synced from it yet.'}
                </Alert>
              </Grid>
            )}
            <Grid item xs={12} md={6}>
              <ClusterOverviewCard summary={detail.summary} />
            </Grid>
            <Grid item xs={12} md={6}>
              <ControlPlaneCard controlPlane={detail.controlPlane} />
            </Grid>
            <Grid item xs={12}>
              <ClusterFindingsCard findings={detail.findings} />
            </Grid>
            {detail.topology.map(zone => (
              <Grid item xs={12} key={zone.zone}>
                <ZoneCard zone={zone.zone} nodes={zone.nodes} />
              </Grid>
            ))}
          </Grid>
        )}
      </PollingContent>
    </KubeyardLayout>
  );
}

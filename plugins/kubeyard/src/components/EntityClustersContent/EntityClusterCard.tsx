import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ClusterSync,
  EntityWorkload,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { pluralize } from '../../format';
import { ClusterLink, FindingsList, SyncChip } from '../shared';
import { PodsTable } from './PodsTable';
import { WorkloadsTable } from './WorkloadsTable';

/** An entity on one cluster: sync state, workloads, pods and findings with fixes. */
export function EntityClusterCard(props: {
  cluster: string;
  sync: ClusterSync;
  workloads: EntityWorkload[];
}) {
  const { cluster, sync, workloads } = props;
  const findings = workloads.flatMap(w => w.findings);
  const pods = workloads.reduce((sum, w) => sum + w.pods.length, 0);
  return (
    <InfoCard
      title={<ClusterLink name={cluster} />}
      subheader={`${pluralize(workloads.length, 'workload')}, ${pluralize(
        pods,
        'pod',
      )}`}
      action={
        <Box mt={1} mr={1}>
          <SyncChip sync={sync} showError={false} />
        </Box>
      }
    >
      {sync.error !== undefined && (
        <Box mb={2}>
          <Alert severity="error">
            {cluster} is unreachable: {sync.error ?? 'unknown error'}.
            {workloads.length > 0
              ? ' The workloads below are as last synced.'
              : ' Its workloads cannot be listed until it is back.'}
          </Alert>
        </Box>
      )}
      {workloads.length > 0 && (
        <>
          <Typography variant="subtitle2">Workloads</Typography>
          <WorkloadsTable workloads={workloads} />
          <Box mt={2}>
            <Typography variant="subtitle2">Pods</Typography>
            <PodsTable workloads={workloads} />
          </Box>
          <Box mt={2}>
            <Typography variant="subtitle2">Findings</Typography>
            <FindingsList findings={findings} />
          </Box>
        </>
      )}
    </InfoCard>
  );
}

import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { TenantClusterStatus } from '@kubeyard/backstage-plugin-kubeyard-common';
import { ClusterLink } from '../shared';
import { ClusterQuota } from './ClusterQuota';
import { NamespacePhaseChip } from './NamespacePhaseChip';

/** A tenant on one cluster: its namespace, the namespace's phase and the quota gauges. */
export function TenantClusterCard(props: { status: TenantClusterStatus }) {
  const { status } = props;
  return (
    <InfoCard
      title={<ClusterLink name={status.cluster} />}
      subheader={`Namespace ${status.namespace}`}
      action={
        <Box mt={1} mr={1}>
          <NamespacePhaseChip phase={status.phase} />
        </Box>
      }
    >
      {status.phase === 'Missing' && (
        <Box mb={2}>
          <Alert severity="error">
            The namespace {status.namespace} is missing from {status.cluster}, a
            cluster of this tenant. Apply the tenant again to create it.
          </Alert>
        </Box>
      )}
      {status.phase === 'Unknown' && (
        <Box mb={2}>
          <Alert severity="warning">
            {status.cluster} has not been synced, so the namespace cannot be
            checked.
          </Alert>
        </Box>
      )}
      <ClusterQuota quota={status.quota} />
    </InfoCard>
  );
}

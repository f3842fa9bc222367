import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FederatedPlacement } from '@kubeyard/backstage-plugin-kubeyard-common';

function Health(props: { health: FederatedPlacement['health'] }) {
  switch (props.health) {
    case 'Healthy':
      return <StatusOK>Healthy</StatusOK>;
    case 'Unhealthy':
      return <StatusError>Unhealthy</StatusError>;
    default:
      return <StatusPending>Unknown</StatusPending>;
  }
}

function Applied(props: { applied?: boolean }) {
  if (props.applied === undefined)
    return <StatusPending>apply unknown</StatusPending>;
  return props.applied ? (
    <StatusOK>applied</StatusOK>
  ) : (
    <StatusWarning>not applied</StatusWarning>
  );
}

/** One cell of the federation matrix: a workload on a cluster. */
export function PlacementCell(props: { placement?: FederatedPlacement }) {
  const { placement } = props;
  if (!placement) {
    return (
      <Typography variant="body2" color="textSecondary">
        not placed
      </Typography>
    );
  }
  const desired = placement.desiredReplicas ?? '?';
  const ready = placement.readyReplicas ?? '?';
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <Typography variant="body2">
        {ready}/{desired} ready
      </Typography>
      <Applied applied={placement.applied} />
      <Health health={placement.health} />
      {placement.message && (
        <Typography variant="caption" color="textSecondary">
          {placement.message}
        </Typography>
      )}
    </Box>
  );
}

import Chip from '@material-ui/core/Chip';
import type { PlacementSource } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Where a federated workload's placement comes from: KubeFed or Karmada. */
export function PlacementSourceChip(props: { source: PlacementSource }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      color={props.source === 'Karmada' ? 'primary' : 'secondary'}
      label={props.source}
    />
  );
}

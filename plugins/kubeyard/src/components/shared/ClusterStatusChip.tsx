import type { ClusterStatus } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from './StatusChip';

const TONES: Record<ClusterStatus, StatusTone> = {
  healthy: 'ok',
  degraded: 'warning',
  unreachable: 'error',
  unknown: 'neutral',
};

/** A cluster's overall health as a chip: healthy, degraded, unreachable or unknown. */
export function ClusterStatusChip(props: { status: ClusterStatus }) {
  return (
    <StatusChip tone={TONES[props.status] ?? 'neutral'} label={props.status} />
  );
}

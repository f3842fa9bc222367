import type { TenantClusterStatus } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from '../shared';

const TONES: Record<TenantClusterStatus['phase'], StatusTone> = {
  Active: 'ok',
  Pending: 'pending',
  Missing: 'error',
  Terminating: 'warning',
  Unknown: 'neutral',
};

/** The phase of a tenant's namespace on one cluster, `Missing` when the index has none. */
export function NamespacePhaseChip(props: {
  phase: TenantClusterStatus['phase'];
}) {
  return (
    <StatusChip tone={TONES[props.phase] ?? 'neutral'} label={props.phase} />
  );
}

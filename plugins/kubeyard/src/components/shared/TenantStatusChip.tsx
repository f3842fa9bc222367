import type { TenantSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from './StatusChip';

const TONES: Record<TenantSummary['status'], StatusTone> = {
  Active: 'ok',
  Pending: 'pending',
  Failed: 'error',
  Terminating: 'warning',
};

const TITLES: Record<TenantSummary['status'], string> = {
  Active: 'Applied on every cluster of its spec',
  Pending: 'Not applied yet',
  Failed: 'The last operation failed; applying again completes it',
  Terminating: 'Being decommissioned',
};

/** A tenant's registry status as a chip: Active, Pending, Failed or Terminating. */
export function TenantStatusChip(props: { status: TenantSummary['status'] }) {
  return (
    <StatusChip
      tone={TONES[props.status] ?? 'neutral'}
      label={props.status}
      title={TITLES[props.status]}
    />
  );
}

import type {
  OperationStep,
  TenantOperation,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from '../shared';

const OPERATION_TONES: Record<TenantOperation['status'], StatusTone> = {
  running: 'pending',
  succeeded: 'ok',
  failed: 'error',
  compensated: 'warning',
};

const OPERATION_TITLES: Record<TenantOperation['status'], string> = {
  running: 'In progress',
  succeeded: 'Every step done',
  failed: 'Stopped at a failed step; running it again completes it',
  compensated:
    'Failed and rolled back: what it created was removed, what it changed restored',
};

const STEP_TONES: Record<OperationStep['status'], StatusTone> = {
  pending: 'neutral',
  running: 'pending',
  done: 'ok',
  failed: 'error',
  compensated: 'warning',
  skipped: 'neutral',
};

/** An operation's status: running, succeeded, failed (resumable) or compensated (rolled back). */
export function OperationStatusChip(props: {
  status: TenantOperation['status'];
}) {
  return (
    <StatusChip
      tone={OPERATION_TONES[props.status] ?? 'neutral'}
      label={props.status}
      title={OPERATION_TITLES[props.status]}
    />
  );
}

/** One step's status: pending, running, done, failed, compensated or skipped. */
export function StepStatusChip(props: { status: OperationStep['status'] }) {
  return (
    <StatusChip
      tone={STEP_TONES[props.status] ?? 'neutral'}
      label={props.status}
    />
  );
}

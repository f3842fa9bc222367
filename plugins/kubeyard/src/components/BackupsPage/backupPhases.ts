import type { BackupPhase } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { StatusTone } from '../shared';

/** How a Velero Backup or Restore phase reads: success, partial, failure, running, or other. */
export function phaseTone(phase: BackupPhase | undefined): StatusTone {
  switch (phase) {
    case 'Completed':
      return 'ok';
    case 'PartiallyFailed':
    case 'FinalizingPartiallyFailed':
    case 'WaitingForPluginOperationsPartiallyFailed':
      return 'warning';
    case 'Failed':
    case 'FailedValidation':
      return 'error';
    case 'New':
    case 'InProgress':
    case 'WaitingForPluginOperations':
    case 'Finalizing':
      return 'pending';
    default:
      return 'neutral';
  }
}

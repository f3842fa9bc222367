import type { BackupPhase } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip } from '../shared';
import { phaseTone } from './backupPhases';

/** A Velero Backup or Restore phase as a coloured chip, exactly as Velero names it. */
export function BackupPhaseChip(props: { phase?: BackupPhase }) {
  return (
    <StatusChip tone={phaseTone(props.phase)} label={props.phase ?? 'unknown'} />
  );
}

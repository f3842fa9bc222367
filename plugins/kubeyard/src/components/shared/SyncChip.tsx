import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterSync,
  SyncState,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeSync, formatRelativeTime } from '../../format';
import { useNow } from '../../hooks/useNow';
import { StatusChip, StatusTone } from './StatusChip';

const TONES: Record<SyncState, StatusTone> = {
  synced: 'ok',
  syncing: 'pending',
  stale: 'warning',
  error: 'error',
};

/**
 * How fresh the backend's view of a cluster is: `synced 12 s ago`, `stale`, or, for a
 * cluster that is down, the error itself, so nobody has to hover to learn why.
 */
export function SyncChip(props: {
  sync: ClusterSync;
  /** Set to false where the error is already shown, e.g. in a banner. */
  showError?: boolean;
}) {
  const { sync, showError = true } = props;
  const now = useNow(1000);
  const title =
    sync.latencyMs !== undefined
      ? `API latency ${sync.latencyMs} ms`
      : undefined;
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-start">
      <StatusChip
        tone={TONES[sync.state] ?? 'neutral'}
        label={describeSync(sync, now)}
        title={title}
      />
      {showError && sync.error !== undefined && (
        <Typography variant="caption" color="error" component="span">
          {sync.error ?? 'unknown error'}
          {sync.lastSyncTime &&
            ` (last synced ${formatRelativeTime(sync.lastSyncTime, now)})`}
        </Typography>
      )}
    </Box>
  );
}

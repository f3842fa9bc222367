import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import type { ReactNode } from 'react';
import { formatRelativeTime } from '../../format';
import type { PollingState } from '../../hooks/usePolling';

/**
 * Renders a polled value: a progress bar until the first answer, an error panel if there
 * is nothing to show, and otherwise the content, with a warning above it while refreshes
 * fail, so the last good data stays readable.
 */
export function PollingContent<T>(props: {
  state: PollingState<T>;
  children: (value: T) => ReactNode;
}) {
  const { state, children } = props;
  if (state.value === undefined) {
    if (state.error) return <ResponseErrorPanel error={state.error} />;
    return <Progress />;
  }
  return (
    <>
      {state.error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not refresh: {state.error.message}. Showing data loaded{' '}
            {state.updatedAt
              ? formatRelativeTime(new Date(state.updatedAt).toISOString())
              : 'earlier'}
            .
          </Alert>
        </Box>
      )}
      {children(state.value)}
    </>
  );
}

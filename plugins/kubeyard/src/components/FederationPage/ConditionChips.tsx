import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FederatedWorkload } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip } from '../shared';

/** Federation conditions (Karmada Scheduled/FullyApplied, KubeFed Propagation) as chips. */
export function ConditionChips(props: {
  conditions: FederatedWorkload['conditions'];
}) {
  if (props.conditions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none reported
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      flexDirection="column"
      alignItems="flex-start"
      style={{ gap: 4 }}
    >
      {props.conditions.map(c => {
        let tone: 'ok' | 'error' | 'neutral' = 'neutral';
        if (c.status === 'True') tone = 'ok';
        else if (c.status === 'False') tone = 'error';
        return (
          <Box key={c.type}>
            <StatusChip
              tone={tone}
              label={`${c.type}=${c.status}`}
              title={
                [c.reason, c.message].filter(Boolean).join(': ') || undefined
              }
            />
            {c.status !== 'True' && (c.reason || c.message) && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {[c.reason, c.message].filter(Boolean).join(': ')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

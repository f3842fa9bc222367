import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FindingCounts } from '@kubeyard/backstage-plugin-kubeyard-common';
import { StatusChip, StatusTone } from './StatusChip';

const SEVERITIES: Array<{ key: keyof FindingCounts; tone: StatusTone }> = [
  { key: 'critical', tone: 'error' },
  { key: 'warning', tone: 'warning' },
  { key: 'info', tone: 'neutral' },
];

/** Findings counted by severity, as chips (`2 critical`, `1 warning`); `none` when clean. */
export function FindingCountChips(props: { counts: FindingCounts }) {
  const present = SEVERITIES.filter(({ key }) => (props.counts[key] ?? 0) > 0);
  if (present.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {present.map(({ key, tone }) => (
        <StatusChip
          key={key}
          tone={tone}
          label={`${props.counts[key]} ${key}`}
        />
      ))}
    </Box>
  );
}

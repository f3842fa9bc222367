import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { Theme, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { BackupView } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatTimestamp } from '../../format';
import { toneColor, type StatusTone } from '../shared';
import { phaseTone } from './backupPhases';

const DAY_MS = 24 * 60 * 60 * 1000;
const LABEL_WIDTH = 140;
const PLOT_WIDTH = 700;
const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 20;

const LEGEND: Array<{ tone: StatusTone; label: string }> = [
  { tone: 'ok', label: 'Completed' },
  { tone: 'warning', label: 'PartiallyFailed' },
  { tone: 'error', label: 'Failed / FailedValidation' },
  { tone: 'pending', label: 'running (New, InProgress, Finalizing…)' },
  { tone: 'neutral', label: 'other (Deleting)' },
];

function toneFill(theme: Theme, tone: StatusTone): string {
  return toneColor(theme, tone) ?? theme.palette.grey[500];
}

function describe(backup: BackupView): string {
  const lines = [`${backup.name} (${backup.phase ?? 'unknown phase'})`];
  if (backup.scheduleName) lines.push(`Schedule ${backup.scheduleName}`);
  if (backup.startTimestamp) lines.push(`started ${formatTimestamp(backup.startTimestamp)}`);
  if (backup.completionTimestamp) lines.push(`completed ${formatTimestamp(backup.completionTimestamp)}`);
  if (backup.errors) lines.push(`${backup.errors} errors`);
  if (backup.warnings) lines.push(`${backup.warnings} warnings`);
  return lines.join('\n');
}

/**
 * The last 7 days of backups, a row per cluster and a mark per backup at its start time,
 * coloured by phase; hovering a mark shows its name, schedule, times and errors.
 */
export function BackupTimeline(props: { clusters: string[]; backups: BackupView[]; now?: number }) {
  const theme = useTheme();
  const now = props.now ?? Date.now();
  const start = now - 7 * DAY_MS;
  const rows = [...new Set([...props.clusters, ...props.backups.map(b => b.cluster)])];
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT;
  const x = (ms: number) => LABEL_WIDTH + ((ms - start) / (now - start)) * PLOT_WIDTH;
  const days = Array.from({ length: 8 }, (_, i) => start + i * DAY_MS);
  const text = theme.palette.text.secondary;

  return (
    <InfoCard title="Backups, last 7 days" subheader="One mark per backup, at its start time">
      {props.backups.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No backup started in the last 7 days.
        </Typography>
      ) : (
        <>
          <svg
            role="img"
            aria-label="Backups of the last 7 days by cluster and phase"
            viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 10} ${height}`}
            width="100%"
            style={{ maxHeight: height * 1.5 }}
          >
            {days.map((day, i) => (
              <g key={day}>
                <line x1={x(day)} x2={x(day)} y1={AXIS_HEIGHT - 4} y2={height} stroke={theme.palette.divider} />
                <text x={x(day)} y={12} fontSize={10} fill={text} textAnchor={i === 0 ? 'start' : i === 7 ? 'end' : 'middle'}>
                  {i === 7 ? 'now' : new Date(day).toISOString().slice(5, 10)}
                </text>
              </g>
            ))}
            {rows.map((cluster, row) => {
              const y = AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;
              return (
                <g key={cluster} data-testid={`timeline-row-${cluster}`}>
                  <text x={0} y={y + 4} fontSize={12} fill={theme.palette.text.primary}>
                    {cluster}
                  </text>
                  <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + PLOT_WIDTH} y1={y} y2={y} stroke={theme.palette.divider} strokeDasharray="2 3" />
                  {props.backups
                    .filter(b => b.cluster === cluster)
                    .map(backup => {
                      const at = Date.parse(backup.startTimestamp ?? backup.completionTimestamp ?? '');
                      if (Number.isNaN(at) || at < start || at > now) return null;
                      const tone = phaseTone(backup.phase);
                      return (
                        <rect
                          key={`${backup.namespace}/${backup.name}`}
                          data-phase={backup.phase}
                          data-tone={tone}
                          x={x(at) - 3}
                          y={y - 8}
                          width={6}
                          height={16}
                          rx={2}
                          fill={toneFill(theme, tone)}
                        >
                          <title>{describe(backup)}</title>
                        </rect>
                      );
                    })}
                </g>
              );
            })}
          </svg>
          <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 16 }} aria-label="Legend">
            {LEGEND.map(({ tone, label }) => (
              <Box key={tone} display="flex" alignItems="center" style={{ gap: 6 }}>
                <Box width={10} height={10} borderRadius={2} style={{ backgroundColor: toneFill(theme, tone) }} />
                <Typography variant="caption">{label}</Typography>
              </Box>
            ))}
          </Box>
        </>
      )}
    </InfoCard>
  );
}

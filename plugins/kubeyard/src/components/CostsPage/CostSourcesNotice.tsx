import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type {
  CostReport,
  CostSourceStatus,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  formatDuration,
  formatRelativeTime,
  formatTimestamp,
  pluralize,
} from '../../format';

const SOURCE_NAMES: Record<CostSourceStatus['source'], string> = {
  model: 'built-in model',
  opencost: 'OpenCost',
};

function lastSample(source: CostSourceStatus): string {
  return source.lastSampleAt
    ? `last sample ${formatRelativeTime(source.lastSampleAt)}`
    : 'never sampled';
}

/**
 * Where the report's data comes from, and what is missing: clusters whose collection fails and
 * stretches without samples are warnings, since their cost is understated, never left out;
 * clusters sampled with less than usual (e.g. no metrics.k8s.io) say what was assumed.
 */
export function CostSourcesNotice(props: {
  report: CostReport;
  compact?: boolean;
}) {
  const { report, compact = false } = props;
  const failing = report.sources.filter(s => s.error);
  const degraded = report.sources.filter(s => s.warning && !s.error);
  const { gaps } = report;
  return (
    <>
      {failing.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning">
            <AlertTitle>
              Cost collection is failing on{' '}
              {pluralize(failing.length, 'cluster')}
            </AlertTitle>
            {failing.map(s => (
              <div key={s.cluster}>
                {s.cluster}: {s.error} ({lastSample(s)}). Its costs since then
                are missing.
              </div>
            ))}
          </Alert>
        </Box>
      )}
      {degraded.length > 0 && (
        <Box mb={2}>
          <Alert severity="info">
            <AlertTitle>
              Costs of {pluralize(degraded.length, 'cluster')} are estimated
            </AlertTitle>
            {degraded.map(s => (
              <div key={s.cluster}>
                {s.cluster}: {s.warning}.
              </div>
            ))}
          </Alert>
        </Box>
      )}
      {gaps.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning">
            <AlertTitle>
              {pluralize(gaps.length, 'gap')} in this window: costs are
              understated
            </AlertTitle>
            {gaps.map(g => (
              <div key={`${g.cluster}:${g.from}`}>
                {g.cluster}: no samples from {formatTimestamp(g.from)} to{' '}
                {formatTimestamp(g.to)} ({formatDuration(g.from, g.to)})
              </div>
            ))}
          </Alert>
        </Box>
      )}
      {!compact && report.sources.length > 0 && (
        <Box mb={2}>
          <Typography variant="caption" color="textSecondary">
            Sources:{' '}
            {report.sources
              .map(
                s =>
                  `${s.cluster} (${SOURCE_NAMES[s.source]}, ${lastSample(s)})`,
              )
              .join(', ')}
            .
          </Typography>
        </Box>
      )}
    </>
  );
}

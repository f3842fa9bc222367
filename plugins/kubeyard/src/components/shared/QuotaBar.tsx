import {
  LinearGauge,
  StatusError,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../format';
import { quotaAlertText, quotaColor, quotaLevel } from './quotaPressure';

/**
 * Quota used as a bar, orange from 80 % and red from 90 %, with the alert under it:
 * `93% used, 7% headroom` and `93% of quota used: new pods may be rejected`.
 */
export function QuotaBar(props: {
  /** used/hard, 0–1; undefined when no quota is reported. */
  ratio?: number;
  /** What is measured, e.g. `requests.cpu`; names the bar and the alert. */
  label?: string;
  /** Used and hard in units, e.g. `37.2 cores of 40 cores`. */
  detail?: string;
}) {
  const { ratio, label, detail } = props;
  if (ratio === undefined || Number.isNaN(ratio)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {label ? `${label}: ` : ''}
        {detail ?? 'no quota reported'}
      </Typography>
    );
  }
  const caption = detail
    ? `${detail} (${formatPercent(ratio)})`
    : `${formatPercent(ratio)} used, ${formatPercent(
        Math.max(0, 1 - ratio),
      )} headroom`;
  const alert = quotaAlertText(ratio, label);
  return (
    <Box minWidth={160}>
      <LinearGauge value={Math.min(ratio, 1)} getColor={quotaColor} />
      <Typography variant="caption" color="textSecondary" component="div">
        {label ? `${label}: ` : ''}
        {caption}
      </Typography>
      {alert && (
        <Typography variant="caption" component="div">
          {quotaLevel(ratio) === 'critical' ? (
            <StatusError>{alert}</StatusError>
          ) : (
            <StatusWarning>{alert}</StatusWarning>
          )}
        </Typography>
      )}
    </Box>
  );
}

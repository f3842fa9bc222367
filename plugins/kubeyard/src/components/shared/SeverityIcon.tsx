import { makeStyles, Theme } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import type { FindingSeverity } from '@kubeyard/backstage-plugin-kubeyard-common';

const useStyles = makeStyles((theme: Theme) => ({
  critical: { color: theme.palette.status.error },
  warning: { color: theme.palette.status.warning },
  info: { color: theme.palette.info.main },
}));

/** The icon of a finding's severity, titled with the severity for screen readers. */
export function SeverityIcon(props: { severity: FindingSeverity }) {
  const classes = useStyles();
  const { severity } = props;
  switch (severity) {
    case 'critical':
      return <ErrorIcon className={classes.critical} titleAccess="critical" />;
    case 'warning':
      return <WarningIcon className={classes.warning} titleAccess="warning" />;
    default:
      return <InfoIcon className={classes.info} titleAccess="info" />;
  }
}

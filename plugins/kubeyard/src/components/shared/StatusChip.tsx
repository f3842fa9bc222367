import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type { ReactElement } from 'react';

/** The tone of a StatusChip, mapped onto the Backstage theme's status palette. */
export type StatusTone = 'ok' | 'warning' | 'error' | 'pending' | 'neutral';

/** The theme colour of a tone (undefined for neutral). */
export function toneColor(theme: Theme, tone: StatusTone): string | undefined {
  switch (tone) {
    case 'ok':
      return theme.palette.status.ok;
    case 'warning':
      return theme.palette.status.warning;
    case 'error':
      return theme.palette.status.error;
    case 'pending':
      return theme.palette.status.pending;
    default:
      return undefined;
  }
}

const useStyles = makeStyles<Theme, { tone: StatusTone }>(theme => ({
  chip: ({ tone }) => {
    const color = toneColor(theme, tone);
    return color
      ? { backgroundColor: color, color: theme.palette.getContrastText(color) }
      : {};
  },
}));

/** A small chip coloured by status, e.g. a cluster's health or a sync state. */
export function StatusChip(props: {
  tone: StatusTone;
  label: string;
  icon?: ReactElement;
  title?: string;
}) {
  const { tone, label, icon, title } = props;
  const classes = useStyles({ tone });
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={label}
      icon={icon}
      title={title}
      data-tone={tone}
    />
  );
}

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { CostBudgetStatus } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatCurrency, formatPercent } from '../../format';
import { StatusChip, toneColor, type StatusTone } from '../shared';

const STATUS: Record<
  CostBudgetStatus['status'],
  { tone: StatusTone; label: string }
> = {
  ok: { tone: 'ok', label: 'on track' },
  warning: { tone: 'warning', label: 'forecast over budget' },
  over: { tone: 'error', label: 'over budget' },
};

const useStyles = makeStyles<Theme, { tone: StatusTone }>(theme => ({
  track: {
    position: 'relative',
    height: 10,
    borderRadius: 5,
    backgroundColor: theme.palette.action.hover,
  },
  fill: ({ tone }) => ({
    height: '100%',
    borderRadius: 5,
    backgroundColor: toneColor(theme, tone),
  }),
  forecast: {
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    marginLeft: -1,
    backgroundColor: theme.palette.text.primary,
  },
}));

const clamp = (ratio: number) => `${Math.min(Math.max(ratio, 0), 1) * 100}%`;

/**
 * A monthly budget: month-to-date as a bar coloured by status, the linear forecast as a
 * marker, and the figures under it.
 */
export function BudgetBar(props: {
  budget: CostBudgetStatus;
  currency: string;
}) {
  const { budget, currency } = props;
  const { tone, label } = STATUS[budget.status];
  const classes = useStyles({ tone });
  const spent = budget.monthToDate / budget.monthlyBudget;
  const forecast = budget.forecast / budget.monthlyBudget;
  const money = (amount: number) => formatCurrency(amount, currency);
  return (
    <Box
      mb={2}
      data-testid={`budget-${budget.key}`}
      data-status={budget.status}
    >
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={0.5}
        style={{ gap: 8 }}
      >
        <Typography variant="body2">
          <strong>{budget.label}</strong>{' '}
          <Typography variant="caption" color="textSecondary" component="span">
            {budget.kind === 'tenant' ? 'tenant' : 'group'} budget, from{' '}
            {budget.source}
          </Typography>
        </Typography>
        <StatusChip tone={tone} label={label} />
      </Box>
      <div
        className={classes.track}
        role="meter"
        aria-label={`${budget.label}: month to date of the ${budget.month} budget`}
        aria-valuemin={0}
        aria-valuemax={budget.monthlyBudget}
        aria-valuenow={budget.monthToDate}
      >
        <div className={classes.fill} style={{ width: clamp(spent) }} />
        <div
          className={classes.forecast}
          style={{ left: clamp(forecast) }}
          title={`Forecast: ${money(budget.forecast)}`}
        />
      </div>
      <Typography variant="caption" color="textSecondary" component="div">
        {money(budget.monthToDate)} of {money(budget.monthlyBudget)} in{' '}
        {budget.month} ({formatPercent(spent)}), forecast{' '}
        {money(budget.forecast)} ({formatPercent(forecast)})
      </Typography>
    </Box>
  );
}

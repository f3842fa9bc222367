import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatCurrency, formatPercent } from '../../format';
import { inclusiveDays, windowDays } from './costPeriods';

/** The window's total, its daily average and the overall efficiency. */
export function CostSummary(props: { report: CostReport }) {
  const { report } = props;
  const { totals, query } = report;
  const window = { from: query.from.slice(0, 10), to: query.to.slice(0, 10) };
  const days = Math.max(windowDays(window), 1);
  const { first, last } = inclusiveDays(window);
  const money = (amount: number) => formatCurrency(amount, report.currency);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="baseline"
      style={{ gap: 24 }}
    >
      <Typography variant="h4" component="p" data-testid="cost-total">
        {money(totals.totalCost)}
      </Typography>
      <Typography variant="body1" color="textSecondary">
        {first} to {last} (UTC) · {money(totals.totalCost / days)} per day ·
        efficiency{' '}
        {totals.efficiency === null ? '—' : formatPercent(totals.efficiency)} ·
        idle {report.idle === 'share' ? 'shared into namespaces' : 'kept apart'}
      </Typography>
    </Box>
  );
}

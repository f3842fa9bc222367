import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCurrency, formatCurrencyCompact } from '../../format';
import { chartSeries, type ChartSeries } from './chartSeries';
import { GROUP_BY_LABELS } from './costLabels';

// Distinct hues for the top groups; "Other", unallocated and idle get fixed, quieter colours.
const GROUP_COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#17becf', '#bcbd22'];
const KIND_COLORS = {
  other: '#9e9e9e',
  unallocated: '#ff7f0e',
  idle: '#cfd8dc',
};

/** The fill of a series. */
export function seriesColor(series: ChartSeries, index: number): string {
  return series.kind === 'group'
    ? GROUP_COLORS[index % GROUP_COLORS.length]
    : KIND_COLORS[series.kind];
}

const HEIGHT = 280;

/** The legend, with each series' total over the window. */
function Legend(props: { series: ChartSeries[]; currency: string }) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      mt={1}
      style={{ gap: 16 }}
      data-testid="cost-chart-legend"
    >
      {props.series.map((s, index) => (
        <Box
          key={s.dataKey}
          display="flex"
          alignItems="center"
          style={{ gap: 6 }}
        >
          <Box
            width={12}
            height={12}
            borderRadius={2}
            style={{ backgroundColor: seriesColor(s, index) }}
          />
          <Typography variant="body2">
            {s.label}: {formatCurrency(s.total, props.currency)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Daily cost stacked by group: the top groups, "Other", unallocated and idle. */
export function CostChart(props: { report: CostReport }) {
  const { report } = props;
  const theme = useTheme();
  const { series, data } = chartSeries(report);
  const label = `Daily cost by ${GROUP_BY_LABELS[
    report.query.groupBy
  ].toLocaleLowerCase('en-US')}`;
  return (
    <>
      <div
        role="img"
        aria-label={`${label}: ${series.map(s => s.label).join(', ')}`}
      >
        {/* initialDimension: jsdom has no layout, and the first paint should not be empty. */}
        <ResponsiveContainer
          width="100%"
          height={HEIGHT}
          initialDimension={{ width: 800, height: HEIGHT }}
        >
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              vertical={false}
              stroke={theme.palette.divider}
            />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => day.slice(5)}
              stroke={theme.palette.text.secondary}
            />
            <YAxis
              width={64}
              stroke={theme.palette.text.secondary}
              tickFormatter={(value: number) =>
                formatCurrencyCompact(value, report.currency)
              }
            />
            <Tooltip
              formatter={(value: unknown) =>
                formatCurrency(Number(value), report.currency)
              }
              labelFormatter={(day: unknown) => `${day} (UTC)`}
              contentStyle={{ backgroundColor: theme.palette.background.paper }}
            />
            {series.map((s, index) => (
              <Bar
                key={s.dataKey}
                dataKey={s.dataKey}
                name={s.label}
                stackId="cost"
                fill={seriesColor(s, index)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Legend series={series} currency={report.currency} />
    </>
  );
}

import { useTheme } from '@material-ui/core/styles';
import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import { formatCurrency } from '../../format';

const HEIGHT = 64;

/** The daily total of a report as a small area chart, with the day and amount on hover. */
export function CostSparkline(props: { report: CostReport }) {
  const { report } = props;
  const theme = useTheme();
  const data = report.series.map(bucket => ({
    day: bucket.start.slice(0, 10),
    cost: bucket.allocations.reduce((sum, a) => sum + a.totalCost, 0),
  }));
  return (
    <div role="img" aria-label={`Daily cost, ${data.length} days`}>
      {/* initialDimension: jsdom has no layout, and the first paint should not be empty. */}
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        initialDimension={{ width: 300, height: HEIGHT }}
      >
        <AreaChart
          data={data}
          margin={{ top: 4, right: 0, bottom: 0, left: 0 }}
        >
          <XAxis dataKey="day" hide />
          <Tooltip
            formatter={(value: unknown) =>
              formatCurrency(Number(value), report.currency)
            }
            labelFormatter={(day: unknown) => `${day} (UTC)`}
            contentStyle={{ backgroundColor: theme.palette.background.paper }}
          />
          <Area
            type="monotone"
            dataKey="cost"
            name="Cost"
            stroke={theme.palette.primary.main}
            fill={theme.palette.primary.light}
            fillOpacity={0.4}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

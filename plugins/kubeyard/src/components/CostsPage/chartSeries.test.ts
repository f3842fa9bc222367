import { IDLE_KEY } from '@kubeyard/backstage-plugin-kubeyard-common';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { chartSeries } from './chartSeries';
import { presetWindow } from './costPeriods';

describe('chartSeries', () => {
  it('stacks the top five groups, sums the rest as Other, and keeps idle apart', async () => {
    const report = await new MockKubeyardApi().getCosts({
      ...presetWindow('7d', Date.now()),
      groupBy: 'namespace',
      step: 'day',
    });
    expect(report.groups).toHaveLength(9);
    const { series, data } = chartSeries(report);
    expect(series.map(s => s.kind)).toEqual([
      'group',
      'group',
      'group',
      'group',
      'group',
      'other',
      'idle',
    ]);
    const named = report.groups.filter(g => g.name !== IDLE_KEY);
    const other = series.find(s => s.kind === 'other')!;
    expect(other.total).toBeCloseTo(
      named.slice(5).reduce((sum, g) => sum + g.totalCost, 0),
    );
    expect(data).toHaveLength(7);
    // Each day's stack adds up to the day's allocations.
    const day = report.series[2];
    const stacked = series.reduce(
      (sum, s) => sum + Number(data[2][s.dataKey]),
      0,
    );
    expect(stacked).toBeCloseTo(
      day.allocations.reduce((sum, a) => sum + a.totalCost, 0),
    );
  });
});

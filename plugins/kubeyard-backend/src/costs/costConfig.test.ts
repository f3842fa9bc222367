import { ConfigReader, type JsonObject } from '@backstage/config';
import { readCostConfig } from './costConfig';

const read = (costs: JsonObject) => readCostConfig(new ConfigReader({ kubeyard: { costs } }));

describe('readCostConfig', () => {
  it('stores group budgets as full lower-case refs, Groups in default by default', () => {
    const config = read({ budgets: { groups: [{ group: 'team-payments', monthlyBudget: 10 }, { group: 'Group:Ops/SRE', monthlyBudget: 5 }] } });
    expect(config.groupBudgets).toEqual([
      { group: 'group:default/team-payments', monthlyBudget: 10 },
      { group: 'group:ops/sre', monthlyBudget: 5 },
    ]);
    expect(() => read({ budgets: { groups: [{ group: 'team/', monthlyBudget: 1 }] } })).toThrow(/budgets\.groups\.0\.group: "team\/" is not a Group ref/);
  });

  it('refuses a maximum gap shorter than the sample interval', () => {
    expect(() => read({ sampleIntervalMinutes: 15, maxGapMinutes: 10 })).toThrow(
      'kubeyard.costs.maxGapMinutes (10) must be at least kubeyard.costs.sampleIntervalMinutes (15)',
    );
    expect(read({ sampleIntervalMinutes: 15 }).maxGapMs).toBe(30 * 60_000);
  });

  it('keeps at least two days of hourly rows', () => {
    expect(() => read({ hourlyRetentionDays: 1 })).toThrow(/hourlyRetentionDays must be at least 2, got 1/);
    expect(read({ hourlyRetentionDays: 2 }).hourlyRetentionDays).toBe(2);
  });
});

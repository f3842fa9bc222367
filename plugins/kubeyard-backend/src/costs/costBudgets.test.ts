import { DEFAULT_COST_CONFIG } from './costConfig';
import { costBudgets, type BudgetSources } from './costBudgets';

const sources = (overrides: Partial<BudgetSources>): BudgetSources => ({
  config: { ...DEFAULT_COST_CONFIG, currency: 'USD', groupBudgets: [{ group: 'group:default/team-search', monthlyBudget: 50 }] },
  tenants: [],
  annotatedGroups: [],
  readMonthRows: async () => [],
  asOf: Date.parse('2026-03-10T12:00:00Z'),
  visibleTenant: () => true,
  visibleGroup: () => true,
  ...overrides,
});

describe('costBudgets', () => {
  it('says a tenant budget in another currency was not evaluated', async () => {
    const result = await costBudgets(
      sources({
        tenants: [
          { name: 'payments', owner: 'group:default/team-payments', monthlyBudget: { amount: 900, currency: 'EUR' } },
          { name: 'search', owner: 'group:default/team-search', monthlyBudget: { amount: 100, currency: 'USD' } },
        ],
      }),
    );
    expect(result.budgets.map(b => [b.kind, b.key])).toEqual([
      ['tenant', 'search'],
      ['group', 'group:default/team-search'],
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        id: 'cost.budget.currency-mismatch',
        severity: 'info',
        object: { kind: 'Tenant', name: 'payments' },
        message: "Tenant payments's monthly budget is in EUR (900) while cost reports are in USD; it was not evaluated.",
      }),
    ]);
  });

  it('names config budgets by the catalog title of the group, annotated or not', async () => {
    const result = await costBudgets(sources({ annotatedGroups: [{ ref: 'group:default/team-search', title: 'Search' }] }));
    expect(result.budgets.map(b => [b.label, b.source])).toEqual([['Search', 'config']]);
  });

  it('keeps a mismatched budget the caller may not see to itself', async () => {
    const result = await costBudgets(
      sources({
        tenants: [{ name: 'payments', owner: 'group:default/team-payments', monthlyBudget: { amount: 900, currency: 'EUR' } }],
        visibleTenant: () => false,
      }),
    );
    expect(result.findings).toEqual([]);
  });
});

import { CostGroupBy, IDLE_KEY, UNALLOCATED_KEY } from '../api/costTypes';
import { costGroupKey, defaultCostLabel } from './costGroupKey';
import { hourRow } from './testing/builders';

const H = '2026-11-22T13:00:00.000Z';
const owned = hourRow(H, 'shop', {}, { tenant: 'shop', owner: 'group:default/team-shop', costCenter: 'CC-1' });
const orphan = hourRow(H, 'misc');
const idle = hourRow(H, IDLE_KEY);

describe('costGroupKey', () => {
  it.each<[CostGroupBy, string, string]>([
    ['owner', 'group:default/team-shop', UNALLOCATED_KEY],
    ['tenant', 'shop', UNALLOCATED_KEY],
    ['costCenter', 'CC-1', UNALLOCATED_KEY],
    ['namespace', 'prod/shop', 'prod/misc'],
    ['cluster', 'prod', 'prod'],
  ])('%s: %s, unowned → %s, idle → IDLE_KEY', (groupBy, ownedKey, orphanKey) => {
    const key = costGroupKey(groupBy);
    expect([key(owned), key(orphan), key(idle)]).toEqual([ownedKey, orphanKey, IDLE_KEY]);
  });

  it.each([[IDLE_KEY, 'Idle'], [UNALLOCATED_KEY, 'Unallocated'], ['prod/shop', 'prod/shop']])('labels %s as %s', (key, label) => {
    expect(defaultCostLabel(key)).toBe(label);
  });
});

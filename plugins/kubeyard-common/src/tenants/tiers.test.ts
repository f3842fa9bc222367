import { parseQuantity } from '../quantity';
import { limitRangeViolations } from './testing/limitRangeViolations';
import {
  effectiveQuota,
  OVERRIDABLE_QUOTA_KEYS,
  QUOTA_CEILING,
  QUOTA_KEYS,
  TIER_NAMES,
  TIER_QUOTAS,
  tierLimitRange,
} from './tiers';

describe('tier presets', () => {
  it('l is the seed bundle exactly', () => {
    expect(TIER_QUOTAS.l).toEqual({
      'requests.cpu': '100',
      'requests.memory': '200Gi',
      'limits.cpu': '200',
      'limits.memory': '400Gi',
      'requests.storage': '1Ti',
      persistentvolumeclaims: '50',
      pods: '500',
      services: '100',
      'services.loadbalancers': '10',
      'services.nodeports': '20',
      configmaps: '200',
      secrets: '200',
      replicationcontrollers: '50',
    });
    expect(tierLimitRange('l', effectiveQuota('l'))).toEqual([
      { type: 'Pod', max: { cpu: '16', memory: '32Gi' }, min: { cpu: '100m', memory: '128Mi' } },
      {
        type: 'Container',
        default: { cpu: '1', memory: '1Gi' },
        defaultRequest: { cpu: '500m', memory: '512Mi' },
        max: { cpu: '8', memory: '16Gi' },
        min: { cpu: '100m', memory: '128Mi' },
        maxLimitRequestRatio: { cpu: '4', memory: '4' },
      },
      { type: 'PersistentVolumeClaim', max: { storage: '100Gi' }, min: { storage: '1Gi' } },
    ]);
  });

  it('grow from xs to l on every key', () => {
    for (const key of QUOTA_KEYS) {
      const values = TIER_NAMES.map(t => parseQuantity(TIER_QUOTAS[t][key]));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('are already canonical', () => {
    for (const tier of TIER_NAMES) expect(effectiveQuota(tier)).toEqual(TIER_QUOTAS[tier]);
  });

  it.each(TIER_NAMES)('%s has a LimitRange inside its quota', tier => {
    expect(limitRangeViolations(tierLimitRange(tier, effectiveQuota(tier)), effectiveQuota(tier))).toEqual([]);
  });

  it('ceilings are twice l', () => {
    expect(QUOTA_CEILING).toMatchObject({ 'requests.cpu': '200', 'limits.memory': '800Gi', 'requests.storage': '2Ti', pods: '1000' });
    for (const key of OVERRIDABLE_QUOTA_KEYS) expect(parseQuantity(QUOTA_CEILING[key])).toBe(2 * parseQuantity(TIER_QUOTAS.l[key]));
  });
});

describe('effectiveQuota', () => {
  it('applies overrides in canonical form', () => {
    const hard = effectiveQuota('s', { 'requests.cpu': '2500m', 'limits.memory': '1024Mi', pods: '40' });
    expect(hard['requests.cpu']).toBe('2500m');
    expect(hard['limits.memory']).toBe('1Gi');
    expect(hard.pods).toBe('40');
    expect(hard.secrets).toBe('40');
    expect(Object.keys(hard)).toEqual([...QUOTA_KEYS]);
  });
});

describe('tierLimitRange fitted to small quotas', () => {
  it.each<[string, Record<string, string>]>([
    ['limits.cpu 1', { 'limits.cpu': '1', 'requests.cpu': '1' }],
    ['limits.cpu 150m', { 'limits.cpu': '150m', 'requests.cpu': '100m' }],
    ['limits.memory 200Mi', { 'limits.memory': '200Mi', 'requests.memory': '128Mi' }],
    ['requests.memory 128Mi', { 'requests.memory': '128Mi' }],
    ['requests.storage 10Gi', { 'requests.storage': '10Gi' }],
  ])('%s', (_, overrides) => {
    const hard = effectiveQuota('xs', overrides);
    expect(limitRangeViolations(tierLimitRange('xs', hard), hard)).toEqual([]);
  });

  it('shrinks the ratio when max/min is below it', () => {
    const hard = effectiveQuota('xs', { 'limits.cpu': '150m', 'requests.cpu': '100m' });
    const container = tierLimitRange('xs', hard).find(i => i.type === 'Container')!;
    expect(container.max!.cpu).toBe('150m');
    expect(container.maxLimitRequestRatio!.cpu).toBe('1500m');
    expect(container.defaultRequest!.cpu).toBe('100m');
    expect(container.default!.cpu).toBe('150m');
  });

  it('drops the PVC item when the storage quota is below the PVC minimum', () => {
    const hard = effectiveQuota('xs', { 'requests.storage': '0' });
    expect(tierLimitRange('xs', hard).map(i => i.type)).toEqual(['Pod', 'Container']);
  });
});

import { quotaAlertText, quotaLevel } from './quotaPressure';
import { quotaUsage } from './quotaUsage';

describe('quotaUsage', () => {
  it('parses quantities and sorts the fullest key first', () => {
    const rows = quotaUsage({
      hard: {
        pods: '250',
        'requests.cpu': '40',
        'requests.memory': '100Gi',
      },
      used: {
        pods: '118',
        'requests.cpu': '37200m',
        'requests.memory': '61Gi',
      },
    });
    expect(rows.map(r => r.key)).toEqual([
      'requests.cpu',
      'requests.memory',
      'pods',
    ]);
    expect(rows[0].ratio).toBeCloseTo(0.93);
    expect(rows[0].text).toBe('37.2 cores of 40 cores');
    expect(rows[1].text).toBe('61 GiB of 100 GiB');
    expect(rows[2].text).toBe('118 of 250');
  });

  it('treats a missing used as zero and keeps unparseable values as text', () => {
    const rows = quotaUsage({
      hard: { secrets: '10', 'limits.cpu': 'lots' },
      used: {},
    });
    expect(rows).toEqual([
      expect.objectContaining({ key: 'secrets', ratio: 0, text: '0 of 10' }),
      expect.objectContaining({ key: 'limits.cpu', text: '0 of lots' }),
    ]);
    expect(rows[1].ratio).toBeNaN();
  });

  it('does not divide by a zero quota', () => {
    const [lb, np] = quotaUsage({
      hard: { 'services.loadbalancers': '0', 'services.nodeports': '0' },
      used: { 'services.loadbalancers': '1', 'services.nodeports': '0' },
    });
    expect(lb).toEqual(
      expect.objectContaining({ key: 'services.loadbalancers', ratio: 1 }),
    );
    expect(np).toEqual(
      expect.objectContaining({ key: 'services.nodeports', ratio: 0 }),
    );
  });
});

describe('quota alerts', () => {
  it('warns at 80 % and is critical at 90 %', () => {
    expect(quotaLevel(0.79)).toBe('ok');
    expect(quotaLevel(0.8)).toBe('warning');
    expect(quotaLevel(0.89)).toBe('warning');
    expect(quotaLevel(0.9)).toBe('critical');
    expect(quotaAlertText(0.5)).toBeUndefined();
    expect(quotaAlertText(0.85)).toBe('85% of quota used: running low');
    expect(quotaAlertText(0.93, 'requests.cpu')).toBe(
      '93% of requests.cpu used: new pods may be rejected',
    );
  });
});

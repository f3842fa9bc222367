import type { NodeInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import { isConditionNotOk, problemConditions } from './nodeConditions';

describe('isConditionNotOk', () => {
  it('treats Ready=True and pressure=False as OK', () => {
    expect(isConditionNotOk({ type: 'Ready', status: 'True' })).toBe(false);
    expect(isConditionNotOk({ type: 'MemoryPressure', status: 'False' })).toBe(
      false,
    );
    expect(
      isConditionNotOk({ type: 'NetworkUnavailable', status: 'False' }),
    ).toBe(false);
  });

  it('flags Ready=False, pressure=True and anything Unknown', () => {
    expect(isConditionNotOk({ type: 'Ready', status: 'False' })).toBe(true);
    expect(isConditionNotOk({ type: 'DiskPressure', status: 'True' })).toBe(
      true,
    );
    expect(isConditionNotOk({ type: 'Ready', status: 'Unknown' })).toBe(true);
    expect(isConditionNotOk({ type: 'PIDPressure', status: 'Unknown' })).toBe(
      true,
    );
  });
});

describe('problemConditions', () => {
  it('keeps only the conditions that are not OK', () => {
    const node = {
      conditions: [
        { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
        { type: 'MemoryPressure', status: 'False' },
        { type: 'DiskPressure', status: 'True' },
      ],
    } as NodeInfo;
    expect(problemConditions(node).map(c => c.type)).toEqual([
      'Ready',
      'DiskPressure',
    ]);
  });
});

import { GIB } from '@kubeyard/backstage-plugin-kubeyard-common';
import { projectPersistentVolumeClaim } from './watchedTypes';

const claim = (spec: unknown, status: unknown) => ({ metadata: { namespace: 'shop', name: 'data' }, spec, status }) as any;

describe('projectPersistentVolumeClaim', () => {
  it('charges the bound capacity, else the request, else nothing', () => {
    expect(projectPersistentVolumeClaim(claim({ resources: { requests: { storage: '10Gi' } } }, { phase: 'Bound', capacity: { storage: '16Gi' } }))).toEqual({
      namespace: 'shop',
      name: 'data',
      phase: 'Bound',
      bytes: 16 * GIB,
    });
    expect(projectPersistentVolumeClaim(claim({ resources: { requests: { storage: '500M' } } }, {})).bytes).toBe(500e6);
    expect(projectPersistentVolumeClaim(claim({ resources: { requests: { storage: 'lots' } } }, { phase: 'Pending' })).bytes).toBe(0);
  });
});

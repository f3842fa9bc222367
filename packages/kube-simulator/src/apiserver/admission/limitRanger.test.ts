import type { KubeObject } from '../../types';
import { InMemoryClusterStore } from '../clusterStore';
import { StatusError } from '../errors';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const PVCS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' };
const LIMITRANGES = { group: '', version: 'v1', resource: 'limitranges' };

// The tenant LimitRange of the seed material (shared/SEED-DIGEST.md, tenancy bundle).
const limitRange: KubeObject = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'tenant-limits' },
  spec: {
    limits: [
      { type: 'Pod', max: { cpu: '16', memory: '32Gi' }, min: { cpu: '100m', memory: '128Mi' } },
      {
        type: 'Container',
        default: { cpu: '1', memory: '1Gi' },
        defaultRequest: { cpu: '500m', memory: '512Mi' },
        max: { cpu: '8', memory: '16Gi' },
        min: { cpu: '100m', memory: '128Mi' },
        maxLimitRequestRatio: { cpu: '4', memory: '4' },
      },
      { type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '100Gi' } },
    ],
  },
};

function pod(name: string, resources?: Record<string, Record<string, string>>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'app:1', ...(resources ? { resources } : {}) }] } };
}

function forbiddenMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).code).toBe(403);
    return (err as StatusError).message;
  }
  throw new Error('expected 403 Forbidden');
}

describe('LimitRanger admission', () => {
  let store: InMemoryClusterStore;

  beforeEach(() => {
    store = new InMemoryClusterStore({ clusterName: 't' });
    store.create(LIMITRANGES, 'default', limitRange);
  });

  it('fills in default limits and requests per container', () => {
    const created = store.create(PODS, 'default', pod('plain'));
    expect((created.spec as any).containers[0].resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '512Mi' } });
    const partial = store.create(PODS, 'default', pod('partial', { limits: { cpu: '2', memory: '2Gi' } }));
    // A limit without a request defaults the request to the limit (API defaulting runs first).
    expect((partial.spec as any).containers[0].resources.requests).toEqual({ cpu: '2', memory: '2Gi' });
  });

  it('enforces max, min and maxLimitRequestRatio with the real messages', () => {
    expect(forbiddenMessage(() => store.create(PODS, 'default', pod('big', { limits: { cpu: '16', memory: '1Gi' }, requests: { cpu: '8', memory: '1Gi' } })))).toBe(
      'pods "big" is forbidden: maximum cpu usage per Container is 8, but limit is 16',
    );
    expect(forbiddenMessage(() => store.create(PODS, 'default', pod('tiny', { requests: { cpu: '50m', memory: '256Mi' }, limits: { cpu: '100m', memory: '256Mi' } })))).toBe(
      // The pod-level minimum is violated as well, and errors aggregate like utilerrors.NewAggregate.
      'pods "tiny" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, minimum cpu usage per Pod is 100m, but request is 50m]',
    );
    expect(forbiddenMessage(() => store.create(PODS, 'default', pod('bursty', { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })))).toBe(
      'pods "bursty" is forbidden: cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000',
    );
    expect(forbiddenMessage(() => store.create(PODS, 'default', pod('both', { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '10', memory: '1Gi' } })))).toBe(
      'pods "both" is forbidden: [maximum cpu usage per Container is 8, but limit is 10, cpu max limit to request ratio per Container is 4, but provided ratio is 100.000000]',
    );
  });

  it('checks PersistentVolumeClaim sizes', () => {
    const claim = (name: string, storage: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
    });
    expect(forbiddenMessage(() => store.create(PVCS, 'default', claim('small', '500Mi')))).toBe(
      'persistentvolumeclaims "small" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
    );
    expect(forbiddenMessage(() => store.create(PVCS, 'default', claim('huge', '200Gi')))).toBe(
      'persistentvolumeclaims "huge" is forbidden: maximum storage usage per PersistentVolumeClaim is 100Gi, but request is 200Gi',
    );
    expect(store.create(PVCS, 'default', claim('ok', '10Gi')).metadata.name).toBe('ok');
  });

  it('stores the LimitRange with the API defaults of its items', () => {
    const lr = store.create(LIMITRANGES, 'default', {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'only-max' },
      spec: { limits: [{ type: 'Container', max: { cpu: '2' } }] },
    });
    expect((lr.spec as any).limits[0]).toEqual({ type: 'Container', max: { cpu: '2' }, default: { cpu: '2' }, defaultRequest: { cpu: '2' } });
  });
});

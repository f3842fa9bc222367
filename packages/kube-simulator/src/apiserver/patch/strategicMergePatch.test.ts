import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMergePatch';

const pod = () => ({
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'app:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
      { name: 'sidecar', image: 'sidecar:1' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'k1', operator: 'Exists' }],
    imagePullSecrets: [{ name: 'reg' }],
  },
  status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] },
});

describe('applyStrategicMergePatch', () => {
  it('merges containers by name and their env, ports and volumeMounts by key', () => {
    const out: any = applyStrategicMergePatch(pod(), {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:2',
            env: [{ name: 'B', value: 'two' }, { name: 'C', value: '3' }],
            ports: [{ containerPort: 8080 }],
            volumeMounts: [{ mountPath: '/data', readOnly: true }],
          },
        ],
      },
    });
    const app = out.spec.containers[0];
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['app', 'sidecar']);
    expect(app.image).toBe('app:2');
    expect(app.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two' }, { name: 'C', value: '3' }]);
    expect(app.ports.map((p: any) => p.containerPort)).toEqual([80, 8080]);
    expect(app.volumeMounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }]);
  });

  it('replaces lists without a merge key (tolerations) and merges conditions by type', () => {
    const out: any = applyStrategicMergePatch(pod(), {
      spec: { tolerations: [{ key: 'k2', operator: 'Equal', value: 'v' }] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    expect(out.spec.tolerations).toEqual([{ key: 'k2', operator: 'Equal', value: 'v' }]);
    expect(out.status.conditions).toEqual([{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }]);
  });

  it('honours $patch: delete and replace on list items and maps', () => {
    const out: any = applyStrategicMergePatch(pod(), {
      metadata: { labels: { $patch: 'replace', c: '3' } },
      spec: {
        containers: [{ name: 'sidecar', $patch: 'delete' }],
        volumes: [{ $patch: 'replace' }, { name: 'cache', emptyDir: {} }],
        imagePullSecrets: [{ name: 'reg', $patch: 'delete' }],
      },
    });
    expect(out.metadata.labels).toEqual({ c: '3' });
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['app']);
    expect(out.spec.volumes).toEqual([{ name: 'cache', emptyDir: {} }]);
    expect(out.spec.imagePullSecrets).toEqual([]);
    const deleted: any = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] } });
    expect(deleted.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
  });

  it('deletes with null, unions finalizers and supports kubectl apply directives', () => {
    const out: any = applyStrategicMergePatch(pod(), {
      metadata: { labels: { a: null }, finalizers: ['y'], '$deleteFromPrimitiveList/finalizers': ['x'] },
      spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }], containers: [{ name: 'app', image: 'app:3' }] },
    });
    expect(out.metadata.labels).toEqual({ b: '2' });
    expect(out.metadata.finalizers).toEqual(['y']);
    expect(out.spec.containers.map((c: any) => `${c.name}:${c.image}`)).toEqual(['sidecar:sidecar:1', 'app:app:3']);
  });
});

describe('applyMergePatch (RFC 7386)', () => {
  it('merges maps, replaces lists and deletes with null', () => {
    const out: any = applyMergePatch(pod(), { metadata: { labels: { a: null, z: '26' } }, spec: { containers: [{ name: 'only' }] } });
    expect(out.metadata.labels).toEqual({ b: '2', z: '26' });
    expect(out.spec.containers).toEqual([{ name: 'only' }]);
    expect(out.spec.volumes).toHaveLength(1);
  });
});

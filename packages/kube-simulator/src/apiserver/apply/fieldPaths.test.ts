import { fieldSetOf, fieldsV1Of, toFieldsV1 } from './fieldPaths';

describe('fieldsV1Of', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      labels: { app: 'web' },
      annotations: {},
      finalizers: ['a', 'b'],
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true }],
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'web:1',
          args: ['--a', '--b'],
          ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
          env: [{ name: 'A', value: '1' }, { name: 'B', valueFrom: { fieldRef: { fieldPath: 'x' } } }],
          resources: {},
          unset: undefined,
        },
      ],
      tolerations: [{ operator: 'Exists' }],
      volumes: [],
      securityContext: {},
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };

  it.each([
    ['main', { builtin: true, scope: 'main' as const, hasStatusSubresource: true }],
    ['status', { builtin: true, scope: 'status' as const, hasStatusSubresource: true }],
    ['custom', { builtin: false, scope: 'main' as const, hasStatusSubresource: false }],
  ])('builds the same tree as the field set (%s)', (_name, options) => {
    expect(fieldsV1Of(pod, options)).toEqual(toFieldsV1(fieldSetOf(pod, options)));
  });
});

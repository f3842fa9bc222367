import { appliedConfiguration } from './appliedConfiguration';

const live = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: {
    name: 'web',
    namespace: 'shop',
    resourceVersion: '42',
    labels: { app: 'web', 'app.kubernetes.io/managed-by': 'kubeyard', team: 'shop' },
    managedFields: [
      {
        manager: 'kubeyard',
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {}, 'f:app.kubernetes.io/managed-by': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:template': {
              'f:spec': {
                'f:containers': {
                  'k:{"name":"app"}': { '.': {}, 'f:name': {}, 'f:image': {}, 'f:ports': { 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } },
                },
              },
            },
          },
        },
      },
      { manager: 'kubectl-edit', operation: 'Update', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } } } },
    ],
  },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'proxy:1' },
          { name: 'app', image: 'web:2', ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090, protocol: 'TCP' }], env: [{ name: 'X', value: '1' }] },
        ],
      },
    },
  },
  status: { replicas: 3 },
};

describe('appliedConfiguration', () => {
  it("extracts exactly the fields of kubeyard's Apply entry, list elements by their keys", () => {
    expect(appliedConfiguration(live)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web', 'app.kubernetes.io/managed-by': 'kubeyard' } },
      spec: {
        replicas: 3,
        template: { spec: { containers: [{ name: 'app', image: 'web:2', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } },
      },
    });
  });

  it("is the bare identity when kubeyard owned nothing (applied back, it releases everything kubeyard owns)", () => {
    expect(appliedConfiguration({ ...live, metadata: { ...live.metadata, managedFields: [] } as typeof live.metadata })).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'shop' },
    });
  });

  it('keeps atomic lists and set-list values whole', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: {
        name: 'tenant-admin',
        namespace: 'shop',
        managedFields: [{ manager: 'kubeyard', operation: 'Apply', fieldsV1: { 'f:rules': {}, 'f:metadata': { 'f:finalizers': { 'v:"a"': {} } } } }],
        finalizers: ['a', 'b'],
      },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    };
    expect(appliedConfiguration(role)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'tenant-admin', namespace: 'shop', finalizers: ['a'] },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    });
  });
});

import type { KubeObject } from '../types';
import {
  type BackupContents,
  matchesPattern,
  namespaceInScope,
} from './veleroBackupContents';
import { planRestore } from './veleroRestorePlan';

const obj = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
  extra: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion,
  kind,
  metadata: {
    name,
    ...(namespace ? { namespace } : {}),
    labels: { app: name },
  },
  ...extra,
});

const contents: BackupContents = {
  totalItems: 6,
  volumes: 1,
  items: [
    {
      gvr: { group: '', version: 'v1', resource: 'namespaces' },
      namespaced: false,
      object: obj('v1', 'Namespace', 'shop'),
    },
    {
      gvr: { group: 'apps', version: 'v1', resource: 'deployments' },
      namespaced: true,
      object: obj('apps/v1', 'Deployment', 'web', 'shop', {
        metadata: {
          name: 'web',
          namespace: 'shop',
          annotations: { 'deployment.kubernetes.io/revision': '3' },
        },
      }),
    },
    {
      gvr: { group: '', version: 'v1', resource: 'services' },
      namespaced: true,
      object: obj('v1', 'Service', 'web', 'shop', {
        spec: {
          clusterIP: '10.96.0.12',
          clusterIPs: ['10.96.0.12'],
          ports: [{ port: 80, nodePort: 30080 }],
        },
      }),
    },
    {
      gvr: { group: '', version: 'v1', resource: 'configmaps' },
      namespaced: true,
      object: obj('v1', 'ConfigMap', 'settings', 'shop'),
    },
    {
      gvr: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
      namespaced: true,
      object: obj('v1', 'PersistentVolumeClaim', 'data', 'shop', {
        spec: { volumeName: 'pvc-123' },
      }),
    },
  ],
};

describe('namespace patterns', () => {
  it.each([
    ['*', 'shop', true],
    ['shop', 'shop', true],
    ['payments-*', 'payments-prod', true],
    ['payments-*', 'checkout-prod', false],
  ])('%s matches %s: %p', (pattern, name, expected) =>
    expect(matchesPattern(pattern, name)).toBe(expected),
  );

  it.each([
    [undefined, ['kube-system'], 'shop', true],
    [undefined, ['kube-system'], 'kube-system', false],
    [['shop'], undefined, 'other', false],
  ])('included %j excluded %j: %s → %p', (included, excluded, ns, expected) => {
    expect(namespaceInScope(ns, included, excluded)).toBe(expected);
  });
});

describe('planRestore', () => {
  it('maps namespaces, labels objects and orders them like velero', () => {
    const plan = planRestore(
      contents,
      { backupName: 'daily-1', namespaceMapping: { shop: 'shop-restored' } },
      'daily-1',
      'drill-1',
    );
    expect(
      plan.map(
        i =>
          `${i.object.kind}/${i.object.metadata.namespace ?? ''}/${
            i.object.metadata.name
          }`,
      ),
    ).toEqual([
      'Namespace//shop-restored',
      'PersistentVolumeClaim/shop-restored/data',
      'ConfigMap/shop-restored/settings',
      'Service/shop-restored/web',
      'Deployment/shop-restored/web',
    ]);
    for (const item of plan.slice(1)) {
      expect(item.object.metadata.labels).toMatchObject({
        'velero.io/backup-name': 'daily-1',
        'velero.io/restore-name': 'drill-1',
      });
    }
    // velero copies only the backed-up namespace's labels and annotations onto the namespace.
    expect(plan[0].object.metadata).toEqual({
      name: 'shop-restored',
      labels: { app: 'shop' },
    });
  });

  it('clears what the target cluster assigns', () => {
    const plan = planRestore(contents, {}, 'b', 'r');
    const service = plan.find(i => i.object.kind === 'Service')!.object
      .spec as any;
    expect(service.clusterIP).toBeUndefined();
    expect(service.ports[0].nodePort).toBeUndefined();
    expect(
      (
        plan.find(i => i.object.kind === 'PersistentVolumeClaim')!.object
          .spec as any
      ).volumeName,
    ).toBeUndefined();
    expect(
      plan.find(i => i.object.kind === 'Deployment')!.object.metadata
        .annotations?.['deployment.kubernetes.io/revision'],
    ).toBeUndefined();
  });

  it.each([
    [{ includedResources: ['configmaps'] }, ['Namespace', 'ConfigMap']],
    [
      { excludedResources: ['services', 'persistentvolumeclaims'] },
      ['Namespace', 'ConfigMap', 'Deployment'],
    ],
    [
      { labelSelector: { matchLabels: { app: 'settings' } } },
      ['Namespace', 'ConfigMap'],
    ],
    [{ includedNamespaces: ['other'] }, []],
    [
      {
        excludedResources: [
          'deployments.apps',
          'ingresses.networking.k8s.io',
          'configmaps',
        ],
      },
      ['Namespace', 'PersistentVolumeClaim', 'Service'],
    ],
  ])('filters by %j', (spec, kinds) => {
    expect(
      planRestore(contents, spec, 'b', 'r').map(i => i.object.kind),
    ).toEqual(kinds);
  });
});

import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from '../../server/startSimulator';
import { eventually, kubeConfigFor, startTestSimulator, statusOf } from '../../__testUtils__/testSimulator';

const widgets = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
      },
    ],
  },
};

describe('CustomResourceDefinitions', () => {
  let sim: RunningSimulator;
  let crds: k8s.ApiextensionsV1Api;
  let custom: k8s.CustomObjectsApi;

  beforeAll(async () => {
    sim = await startTestSimulator();
    const kc = kubeConfigFor(sim);
    crds = kc.makeApiClient(k8s.ApiextensionsV1Api);
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
  });

  afterAll(() => sim.stop());

  it('lists the pre-installed Velero, KubeFed and Karmada CRDs', async () => {
    const names = (await crds.listCustomResourceDefinition()).items.map(c => c.metadata?.name);
    expect(names).toEqual(expect.arrayContaining(['backups.velero.io', 'clusters.cluster.karmada.io', 'kubefedclusters.core.kubefed.io', 'propagationpolicies.policy.karmada.io']));
  });

  it('serves a new CRD at once and stops serving it after deletion', async () => {
    const created = await crds.createCustomResourceDefinition({ body: widgets as k8s.V1CustomResourceDefinition });
    expect(created.metadata?.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    const established = await crds.readCustomResourceDefinition({ name: 'widgets.example.com' });
    expect(established.status?.conditions?.find(c => c.type === 'Established')?.status).toBe('True');

    const widget = await custom.createNamespacedCustomObject({
      group: 'example.com',
      version: 'v1',
      namespace: 'team-a',
      plural: 'widgets',
      body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 }, status: { ignored: true } },
    });
    expect(widget).toMatchObject({ metadata: { name: 'w1', generation: 1 }, spec: { size: 3 } });
    expect(widget.status).toBeUndefined();
    const listed = await custom.listNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'team-a', plural: 'widgets' });
    expect(listed.kind).toBe('WidgetList');
    const smp = await statusOf(
      custom.patchNamespacedCustomObject(
        { group: 'example.com', version: 'v1', namespace: 'team-a', plural: 'widgets', name: 'w1', body: { spec: { size: 4 } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
      ),
    );
    expect(smp.code).toBe(415);

    await crds.deleteCustomResourceDefinition({ name: 'widgets.example.com' });
    await eventually(async () => (await statusOf(crds.readCustomResourceDefinition({ name: 'widgets.example.com' }))).code === 404);
    const gone = await statusOf(custom.listNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'team-a', plural: 'widgets' }));
    expect(gone.code).toBe(404);
    const res = await fetch(`${sim.clusters[0].url}/apis`, { headers: { Authorization: 'Bearer admin-token' } });
    expect((await res.json()).groups.map((g: { name: string }) => g.name)).not.toContain('example.com');
  });

  it('validates CRDs', async () => {
    const bad = { ...widgets, metadata: { name: 'wrong.example.com' } };
    const err = await statusOf(crds.createCustomResourceDefinition({ body: bad as k8s.V1CustomResourceDefinition }));
    expect(err).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(err.message).toContain('must be spec.names.plural+"."+spec.group');
  });
});

import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from '../../server/startSimulator';
import { kubeConfigFor, startTestSimulator, statusOf } from '../../__testUtils__/testSimulator';

function deployment(replicas: number, extra: Record<string, string> = {}): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'team-a', labels: { app: 'api', ...extra } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1' }] } },
    },
  };
}

describe('server-side apply over HTTP', () => {
  let sim: RunningSimulator;
  let objects: k8s.KubernetesObjectApi;
  let apps: k8s.AppsV1Api;
  const url = () => `${sim.clusters[0].url}/apis/apps/v1/namespaces/team-a/deployments/api`;

  async function apply(body: unknown, query: string) {
    return fetch(`${url()}?${query}`, {
      method: 'PATCH',
      headers: { Authorization: 'Bearer admin-token', 'Content-Type': 'application/apply-patch+yaml' },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    sim = await startTestSimulator();
    const kc = kubeConfigFor(sim);
    objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });

  afterAll(() => sim.stop());

  it('requires a fieldManager (422)', async () => {
    const res = await apply(deployment(1), '');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ reason: 'Invalid', message: expect.stringContaining('fieldManager: Required value') });
  });

  it('creates on apply, records an Apply entry, and is a no-op the second time', async () => {
    const created = await objects.patch(deployment(2), undefined, undefined, 'team-tool', false, k8s.PatchStrategy.ServerSideApply);
    expect(created.metadata?.managedFields).toEqual(
      expect.arrayContaining([expect.objectContaining({ manager: 'team-tool', operation: 'Apply', fieldsType: 'FieldsV1' })]),
    );
    const fields = created.metadata!.managedFields!.find(m => m.manager === 'team-tool')!.fieldsV1 as any;
    expect(fields['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"api"}']).toEqual({ '.': {}, 'f:image': {}, 'f:name': {} });
    // Let the deployment controller finish reacting (revision annotation, status) first.
    await new Promise(r => setTimeout(r, 200));
    const settled = await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'api' });
    const again = await objects.patch(deployment(2), undefined, undefined, 'team-tool', false, k8s.PatchStrategy.ServerSideApply);
    expect(again.metadata?.resourceVersion).toBe(settled.metadata?.resourceVersion);
  });

  it('reports conflicts with other managers (409 with causes) unless forced', async () => {
    await apps.patchNamespacedDeployment(
      { namespace: 'team-a', name: 'api', body: { spec: { replicas: 5 } }, fieldManager: 'hpa-like' },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const res = await apply(deployment(2), 'fieldManager=team-tool');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      kind: 'Status',
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "hpa-like" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "hpa-like" using apps/v1', field: '.spec.replicas' }] },
    });
    const conflictViaClient = await statusOf(objects.patch(deployment(3), undefined, undefined, 'team-tool', false, k8s.PatchStrategy.ServerSideApply));
    expect(conflictViaClient.code).toBe(409);

    const forced = await objects.patch(deployment(2), undefined, undefined, 'team-tool', true, k8s.PatchStrategy.ServerSideApply);
    expect(forced.spec?.replicas).toBe(2);
    const hpa = forced.metadata?.managedFields?.find(m => m.manager === 'hpa-like');
    expect(hpa).toBeUndefined();
  });

  it('shares fields applied with equal values and removes fields nobody owns any more', async () => {
    await objects.patch(deployment(2, { tier: 'backend', owner: 'x' }), undefined, undefined, 'team-tool', false, k8s.PatchStrategy.ServerSideApply);
    await objects.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'team-a', labels: { tier: 'backend' } } } as k8s.V1Deployment,
      undefined,
      undefined,
      'labeller',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    const shrunk = await objects.patch(deployment(2), undefined, undefined, 'team-tool', false, k8s.PatchStrategy.ServerSideApply);
    expect(shrunk.metadata?.labels).toEqual({ app: 'api', tier: 'backend' });
  });

  it('honours dryRun=All for apply', async () => {
    const before = await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'api' });
    const res = await apply(deployment(7), 'fieldManager=team-tool&force=true&dryRun=All');
    expect(res.status).toBe(200);
    expect((await res.json()).spec.replicas).toBe(7);
    const after = await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'api' });
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  });

  it('records Update managers for non-apply writes', async () => {
    const d = await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'api' });
    const managers = d.metadata?.managedFields?.map(m => `${m.manager}/${m.operation}${m.subresource ? `/${m.subresource}` : ''}`) ?? [];
    expect(managers).toEqual(expect.arrayContaining(['team-tool/Apply', 'labeller/Apply']));
  });
});

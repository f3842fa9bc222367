import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from './startSimulator';
import { kubeConfigFor, startTestSimulator } from '../__testUtils__/testSimulator';

describe('discovery, version and OpenAPI', () => {
  let sim: RunningSimulator;
  const get = async (path: string) => {
    const res = await fetch(`${sim.clusters[0].url}${path}`, { headers: { Authorization: 'Bearer admin-token' } });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    sim = await startTestSimulator();
  });

  afterAll(() => sim.stop());

  it('serves /version with the scenario version', async () => {
    const version = await kubeConfigFor(sim).makeApiClient(k8s.VersionApi).getCode();
    expect(version).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.4', platform: 'linux/amd64' });
  });

  it('serves /api and /apis', async () => {
    expect((await get('/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await get('/apis')).body;
    expect(groups.kind).toBe('APIGroupList');
    const names = groups.groups.map((g: { name: string }) => g.name);
    for (const g of ['apps', 'batch', 'rbac.authorization.k8s.io', 'velero.io', 'cluster.karmada.io', 'metrics.k8s.io', 'core.kubefed.io']) expect(names).toContain(g);
    expect(groups.groups.find((g: { name: string }) => g.name === 'autoscaling').preferredVersion).toEqual({ groupVersion: 'autoscaling/v2', version: 'v2' });
    expect((await get('/apis/apps')).body).toMatchObject({ kind: 'APIGroup', name: 'apps', preferredVersion: { version: 'v1' } });
  });

  it('describes resources and subresources in APIResourceLists', async () => {
    const core = (await get('/api/v1')).body;
    expect(core).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    const byName = Object.fromEntries(core.resources.map((r: { name: string }) => [r.name, r]));
    expect(byName.pods).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] });
    expect(byName.pods.verbs).toEqual(expect.arrayContaining(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']));
    expect(byName['pods/log']).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(byName['pods/status']).toMatchObject({ kind: 'Pod', verbs: ['get', 'patch', 'update'] });
    expect(byName.namespaces).toMatchObject({ namespaced: false, shortNames: ['ns'] });
    const apps = (await get('/apis/apps/v1')).body;
    expect(apps.resources.find((r: { name: string }) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const karmada = (await get('/apis/cluster.karmada.io/v1alpha1')).body;
    expect(karmada.resources[0]).toMatchObject({ name: 'clusters', kind: 'Cluster', namespaced: false });
    expect((await get('/apis/authorization.k8s.io/v1')).body.resources.find((r: { name: string }) => r.name === 'selfsubjectaccessreviews').verbs).toEqual(['create']);
    expect((await get('/apis/nope.example.com/v1')).status).toBe(404);
  });

  it('serves the OpenAPI kubectl looks for', async () => {
    const root = (await get('/openapi/v3')).body;
    expect(root.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
    const doc = (await get('/openapi/v3/apis/apps/v1')).body;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    expect((await get('/openapi/v2')).body.swagger).toBe('2.0');
  });

  it('answers health checks', async () => {
    const res = await fetch(`${sim.clusters[0].url}/readyz`, { headers: { Authorization: 'Bearer admin-token' } });
    expect(await res.text()).toBe('ok');
  });
});

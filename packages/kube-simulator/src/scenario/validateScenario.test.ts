import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeObject, Scenario, ScenarioCluster } from '../types';
import { buildScenario, loadScenarioFile } from './loadScenarioFile';
import { ScenarioError, scenarioProblems } from './validateScenario';

const ns = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});
const deployment = (
  extra: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', ...meta },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
    ...extra,
  },
});
const cluster = (
  objects: KubeObject[],
  extra: Partial<ScenarioCluster> = {},
): ScenarioCluster => ({
  name: 'lab',
  token: 'lab-token',
  objects: [ns('shop'), ...objects],
  ...extra,
});
const scenario = (...clusters: ScenarioCluster[]): Scenario => ({
  name: 't',
  clusters,
});

describe('scenarioProblems', () => {
  it('accepts a valid scenario', () => {
    expect(scenarioProblems(scenario(cluster([deployment()])))).toEqual([]);
  });

  it.each<[string, Scenario, string]>([
    [
      'no clusters',
      { name: 't', clusters: [] },
      'clusters must list at least one cluster',
    ],
    [
      'a bad cluster name',
      scenario(cluster([], { name: 'Prod_EU' })),
      'cluster "Prod_EU": name must be a lowercase RFC 1123 label',
    ],
    [
      'duplicate clusters',
      scenario(cluster([]), cluster([], { token: 'other' })),
      'cluster "lab": duplicate cluster name',
    ],
    [
      'a missing token',
      scenario(cluster([], { token: '' })),
      'cluster "lab": token is required',
    ],
    [
      'a shared admin token',
      scenario(cluster([]), cluster([], { name: 'lab2' })),
      'cluster "lab2": admin token is also the admin token of cluster "lab"',
    ],
    [
      'a bad version',
      scenario(cluster([], { version: '1.31' })),
      'cluster "lab": version "1.31" must look like v1.31.4',
    ],
    [
      'a user reusing the admin token',
      scenario(
        cluster([], { users: [{ token: 'lab-token', username: 'alice' }] }),
      ),
      'cluster "lab": user "alice" reuses the token of admin',
    ],
    [
      'a missing kind',
      scenario(
        cluster([
          {
            apiVersion: 'v1',
            metadata: { name: 'x' },
          } as unknown as KubeObject,
        ]),
      ),
      'cluster "lab": object 1 (v1 ? x): kind is required',
    ],
    [
      'an undeclared namespace',
      scenario(cluster([deployment({}, { namespace: 'nowhere' })])),
      'cluster "lab": object 1 (apps/v1 Deployment nowhere/web): namespace "nowhere" is not declared in this cluster',
    ],
    [
      'a namespaced kind without namespace',
      scenario(cluster([deployment({}, { namespace: undefined })])),
      'cluster "lab": object 1 (apps/v1 Deployment web): Deployment is namespaced; set metadata.namespace',
    ],
    [
      'a cluster-scoped kind with a namespace',
      scenario(
        cluster([
          {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: { name: 'n1', namespace: 'shop' },
          },
        ]),
      ),
      'cluster "lab": object 1 (v1 Node shop/n1): Node is cluster-scoped; remove metadata.namespace',
    ],
    [
      'a selector that does not match the template',
      scenario(
        cluster([deployment({ selector: { matchLabels: { app: 'api' } } })]),
      ),
      'cluster "lab": object 1 (apps/v1 Deployment shop/web): spec.selector does not match spec.template.metadata.labels',
    ],
    [
      'duplicate objects',
      scenario(cluster([deployment(), deployment()])),
      'cluster "lab": object 2 (apps/v1 Deployment shop/web): duplicates object 1',
    ],
    [
      'an unknown custom resource',
      scenario(
        cluster([
          {
            apiVersion: 'example.com/v1',
            kind: 'Widget',
            metadata: { name: 'w', namespace: 'shop' },
          },
        ]),
      ),
      'cluster "lab": object 1 (example.com/v1 Widget shop/w): no CustomResourceDefinition serves example.com/v1 Widget',
    ],
    [
      'a bad podStates selector',
      scenario(
        cluster([], { behaviour: { podStates: [{ selector: 'app in web' }] } }),
      ),
      'cluster "lab": behaviour.podStates[0].selector: invalid label selector term "app in web"',
    ],
    [
      'an unknown backup outcome',
      scenario(
        cluster([], {
          behaviour: { backupOutcomes: { daily: 'Exploded' as 'Failed' } },
        }),
      ),
      'cluster "lab": behaviour.backupOutcomes.daily: "Exploded" is not one of Completed, PartiallyFailed, Failed',
    ],
    [
      'a NotReady node that does not exist',
      scenario(cluster([], { behaviour: { notReadyNodes: ['ghost'] } })),
      'cluster "lab": behaviour.notReadyNodes: node "ghost" is not declared in this cluster',
    ],
  ])('reports %s', (_name, input, message) => {
    const problems = scenarioProblems(input);
    expect(problems.some(p => p.startsWith(message))).toBe(true);
  });

  it('accepts Velero, KubeFed and Karmada objects (pre-installed CRDs)', () => {
    const velero: KubeObject = {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: 'daily', namespace: 'shop' },
      spec: {},
    };
    const karmada: KubeObject = {
      apiVersion: 'cluster.karmada.io/v1alpha1',
      kind: 'Cluster',
      metadata: { name: 'm1' },
    };
    expect(scenarioProblems(scenario(cluster([velero, karmada])))).toEqual([]);
  });
});

describe('loading YAML', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains every problem with its cluster and object', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      file,
      `name: bad
clusters:
  - name: lab
    token: t
    objects:
      - { apiVersion: apps/v1, kind: Deployment, metadata: { name: web, namespace: shop }, spec: { selector: { matchLabels: { a: b } }, template: { metadata: { labels: { a: c } }, spec: { containers: [ { name: x, image: y } ] } } } }
`,
    );
    let error: unknown;
    try {
      loadScenarioFile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems).toEqual([
      'cluster "lab": object 0 (apps/v1 Deployment shop/web): namespace "shop" is not declared in this cluster (add a Namespace object or a tenant)',
      'cluster "lab": object 0 (apps/v1 Deployment shop/web): spec.selector does not match spec.template.metadata.labels',
    ]);
    expect((error as Error).message).toContain('invalid scenario "bad"');
  });

  it('reports YAML syntax errors with the file', () => {
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, 'name: broken\nclusters: [\n');
    expect(() => loadScenarioFile(file)).toThrow(/broken\.yaml/);
  });

  it('reads cluster files relative to the scenario, derives missing tokens from the seed, resolves @start times', () => {
    fs.writeFileSync(
      path.join(dir, 'scenario.yaml'),
      'name: lab\nstartTime: "2025-03-12T10:00:00Z"\nclusters: [lab.yaml]\n',
    );
    fs.writeFileSync(
      path.join(dir, 'lab.yaml'),
      `name: lab
nodes: [{ name: n, count: 2, zones: [z-a, z-b] }]
objects:
  - { apiVersion: v1, kind: ConfigMap, metadata: { name: c, namespace: default, annotations: { seen: '@start-26h' } } }
`,
    );
    const a = loadScenarioFile(dir, { seed: 7 });
    const b = loadScenarioFile(dir, { seed: 7 });
    const c = loadScenarioFile(dir, { seed: 8 });
    expect(a.clusters[0].token).toBe(b.clusters[0].token);
    expect(a.clusters[0].token).not.toBe(c.clusters[0].token);
    const cm = a.clusters[0].objects.find(o => o.kind === 'ConfigMap')!;
    expect(cm.metadata.annotations?.seen).toBe('2025-03-11T08:00:00Z');
    expect(
      a.clusters[0].objects
        .filter(o => o.kind === 'Node')
        .map(n => n.metadata.name),
    ).toEqual(['n-1', 'n-2']);
  });

  it('rounds startTime: now down to the hour', () => {
    const s = buildScenario(
      {
        name: 'x',
        startTime: 'now',
        clusters: [{ name: 'c', token: 't', objects: [] }],
      },
      dir,
      {
        now: new Date('2025-03-12T10:47:13Z'),
      },
    );
    expect(s.startTime).toBe('2025-03-12T10:00:00Z');
  });
});

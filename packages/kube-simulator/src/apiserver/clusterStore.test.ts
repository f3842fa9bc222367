import type { KubeObject, WatchEvent } from '../types';
import { InMemoryClusterStore } from './clusterStore';
import { StatusError } from './errors';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces' };

function newStore() {
  let t = Date.parse('2025-01-01T00:00:00Z');
  return new InMemoryClusterStore({ clusterName: 'test', now: () => new Date((t += 1000)) });
}

function pod(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
}

function deployment(name: string, replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
    },
  };
}

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
}

describe('InMemoryClusterStore', () => {
  it('bootstraps namespaces, RBAC, CRDs and the default service account', () => {
    const store = newStore();
    const names = store.list(NAMESPACES, undefined).items.map(n => n.metadata.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(store.get({ group: '', version: 'v1', resource: 'serviceaccounts' }, 'default', 'default').metadata.uid).toBeDefined();
    expect(store.typeFor({ group: 'velero.io', version: 'v1', resource: 'backups' })?.kind).toBe('Backup');
    expect(store.get({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles' }, undefined, 'view').kind).toBe('ClusterRole');
  });

  it('creates with server fields, defaults and a fresh status', () => {
    const store = newStore();
    const created = store.create(PODS, 'default', { ...pod('web'), status: { phase: 'Running' } });
    expect(created.metadata).toMatchObject({ name: 'web', namespace: 'default', creationTimestamp: expect.any(String) });
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect((created.spec as any).restartPolicy).toBe('Always');
    expect(created.metadata.managedFields?.[0]).toMatchObject({ manager: 'kube-simulator', operation: 'Update' });
  });

  it('generates names and refuses duplicates with 409 AlreadyExists', () => {
    const store = newStore();
    const a = store.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: pod('x').spec });
    expect(a.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    store.create(PODS, 'default', pod('dup'));
    const err = statusOf(() => store.create(PODS, 'default', pod('dup')));
    expect(err.status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'pods "dup" already exists' });
  });

  it('requires the namespace to exist', () => {
    const store = newStore();
    const err = statusOf(() => store.create(PODS, 'nope', pod('web')));
    expect(err.status).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nope" not found' });
  });

  it('answers 404 NotFound with the real message', () => {
    const store = newStore();
    const err = statusOf(() => store.get(DEPLOYMENTS, 'default', 'missing'));
    expect(err.status).toMatchObject({ code: 404, message: 'deployments.apps "missing" not found', details: { name: 'missing', group: 'apps', kind: 'deployments' } });
  });

  it('rejects invalid names with 422 Invalid', () => {
    const store = newStore();
    const err = statusOf(() => store.create(PODS, 'default', pod('Bad_Name')));
    expect(err.status.code).toBe(422);
    expect(err.status.message).toMatch(/^Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(err.status.details?.causes?.[0]).toMatchObject({ reason: 'FieldValueInvalid', field: 'metadata.name' });
  });

  it('rejects bad quantities with 422 Invalid', () => {
    const store = newStore();
    const bad = pod('web');
    (bad.spec as any).containers[0].resources = { limits: { cpu: 'lots' } };
    const err = statusOf(() => store.create(PODS, 'default', bad));
    expect(err.status.code).toBe(422);
    expect(err.status.message).toContain('spec.containers[0].resources.limits[cpu]: Invalid value: "lots": quantities must match the regular expression');
  });

  it('detects resourceVersion conflicts on update', () => {
    const store = newStore();
    const d = store.create(DEPLOYMENTS, 'default', deployment('web'));
    store.update(DEPLOYMENTS, 'default', { ...d, spec: { ...(d.spec as object), replicas: 2 } });
    const err = statusOf(() => store.update(DEPLOYMENTS, 'default', { ...d, spec: { ...(d.spec as object), replicas: 3 } }));
    expect(err.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('bumps generation on spec changes only, and skips no-op writes', () => {
    const store = newStore();
    const d = store.create(DEPLOYMENTS, 'default', deployment('web'));
    expect(d.metadata.generation).toBe(1);
    const same = store.update(DEPLOYMENTS, 'default', d);
    expect(same.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
    const labelled = store.update(DEPLOYMENTS, 'default', { ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = store.update(DEPLOYMENTS, 'default', { ...labelled, spec: { ...(labelled.spec as object), replicas: 5 } });
    expect(scaled.metadata.generation).toBe(2);
    const status = store.updateStatus(DEPLOYMENTS, 'default', { ...scaled, status: { replicas: 5 } });
    expect(status.metadata.generation).toBe(2);
    expect(status.status).toEqual({ replicas: 5 });
    // The main resource ignores status; the status subresource ignores spec.
    const ignored = store.update(DEPLOYMENTS, 'default', { ...status, status: { replicas: 0 } });
    expect(ignored.status).toEqual({ replicas: 5 });
  });

  it('does nothing on dryRun', () => {
    const store = newStore();
    const rv = store.currentResourceVersion();
    const dry = store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { dryRun: true });
    expect(dry.metadata.name).toBe('c');
    expect(store.currentResourceVersion()).toBe(rv);
    expect(() => store.get(CONFIGMAPS, 'default', 'c')).toThrow(StatusError);
  });

  it('lists with label and field selectors and paginates', () => {
    const store = newStore();
    for (let i = 0; i < 7; i++) store.create(PODS, 'default', pod(`p${i}`, { tier: i % 2 ? 'odd' : 'even' }));
    expect(store.list(PODS, 'default', { labelSelector: 'tier=odd' }).items).toHaveLength(3);
    expect(store.list(PODS, 'default', { labelSelector: 'tier in (odd,even),tier!=odd' }).items).toHaveLength(4);
    expect(store.list(PODS, 'default', { fieldSelector: 'metadata.name=p3' }).items.map(p => p.metadata.name)).toEqual(['p3']);
    expect(store.list(PODS, undefined, { fieldSelector: 'status.phase=Pending' }).items).toHaveLength(7);
    expect(statusOf(() => store.list(PODS, 'default', { fieldSelector: 'spec.image=x' })).status).toMatchObject({ code: 400, message: 'field label not supported: spec.image' });
    const names: string[] = [];
    let cont: string | undefined;
    do {
      const page = store.list(PODS, 'default', { limit: 3, continue: cont });
      names.push(...page.items.map(p => p.metadata.name!));
      cont = page.continue;
    } while (cont);
    expect(names).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });

  it('delivers watch events in order, asynchronously, with selector transitions', async () => {
    const store = newStore();
    const events: Array<[string, string | undefined]> = [];
    const stop = store.watch(PODS, 'default', { resourceVersion: store.currentResourceVersion(), labelSelector: 'app=web' }, (e: WatchEvent) =>
      events.push([e.type, e.object.metadata.name]),
    );
    const p = store.create(PODS, 'default', pod('a', { app: 'web' }));
    store.create(PODS, 'default', pod('b', { app: 'db' }));
    expect(events).toEqual([]);
    store.update(PODS, 'default', { ...p, metadata: { ...p.metadata, labels: { app: 'db' } } });
    await store.settle();
    expect(events).toEqual([['ADDED', 'a'], ['DELETED', 'a']]);
    stop();
  });

  it('replays history from a resourceVersion and answers 410 when it is too old', async () => {
    const store = new InMemoryClusterStore({ clusterName: 't', historySize: 5, bare: true });
    store.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const start = store.currentResourceVersion();
    store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    const replay: string[] = [];
    store.watch(CONFIGMAPS, undefined, { resourceVersion: start }, e => replay.push(`${e.type}:${e.object.metadata.name}`));
    for (let i = 0; i < 10; i++) store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` } });
    const expired: WatchEvent[] = [];
    store.watch(CONFIGMAPS, undefined, { resourceVersion: start }, e => expired.push(e));
    await store.settle();
    expect(replay.slice(0, 2)).toEqual(['ADDED:a', 'ADDED:c0']);
    expect(expired).toHaveLength(1);
    expect(expired[0].type).toBe('ERROR');
    expect(expired[0].object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('garbage-collects dependents in the background and orphans on request', async () => {
    const store = newStore();
    const owner = store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, controller: true };
    store.create(PODS, 'default', { ...pod('child'), metadata: { name: 'child', ownerReferences: [ref] } });
    store.delete(CONFIGMAPS, 'default', 'owner');
    await store.settle();
    expect(() => store.get(PODS, 'default', 'child')).toThrow(StatusError);

    const owner2 = store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner2' } });
    store.create(PODS, 'default', { ...pod('kept'), metadata: { name: 'kept', ownerReferences: [{ ...ref, name: 'owner2', uid: owner2.metadata.uid! }] } });
    store.delete(CONFIGMAPS, 'default', 'owner2', { propagationPolicy: 'Orphan' });
    await store.settle();
    expect(store.get(PODS, 'default', 'kept').metadata.ownerReferences).toBeUndefined();
    expect(() => store.get(CONFIGMAPS, 'default', 'owner2')).toThrow(StatusError);
  });

  it('holds Foreground deletions until dependents are gone', async () => {
    const store = newStore();
    const owner = store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, blockOwnerDeletion: true };
    store.create(PODS, 'default', { ...pod('child'), metadata: { name: 'child', ownerReferences: [ref] } });
    const deleting = store.delete(CONFIGMAPS, 'default', 'owner', { propagationPolicy: 'Foreground' });
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(deleting.metadata.finalizers).toEqual(['foregroundDeletion']);
    await store.settle();
    expect(() => store.get(PODS, 'default', 'child')).toThrow(StatusError);
    expect(() => store.get(CONFIGMAPS, 'default', 'owner')).toThrow(StatusError);
  });

  it('keeps objects with finalizers until the finalizers are removed', () => {
    const store = newStore();
    store.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'f', finalizers: ['example.com/hold'] } });
    const deleting = store.delete(CONFIGMAPS, 'default', 'f');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    const current = store.get(CONFIGMAPS, 'default', 'f');
    store.update(CONFIGMAPS, 'default', { ...current, metadata: { ...current.metadata, finalizers: [] } });
    expect(() => store.get(CONFIGMAPS, 'default', 'f')).toThrow(StatusError);
  });

  it('terminates namespaces asynchronously', async () => {
    const store = newStore();
    store.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    store.create(PODS, 'team-a', pod('web'));
    const terminating = store.delete(NAMESPACES, undefined, 'team-a');
    expect(terminating.status).toMatchObject({ phase: 'Terminating' });
    const err = statusOf(() => store.create(PODS, 'team-a', pod('late')));
    expect(err.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "late" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    });
    await store.settle();
    expect(() => store.get(NAMESPACES, undefined, 'team-a')).toThrow(StatusError);
    expect(store.list(PODS, 'team-a').items).toEqual([]);
  });

  it('loads scenario objects with their status', () => {
    const store = newStore();
    const loaded = store.operations.upsert({ ...pod('web'), status: { phase: 'Running' } });
    expect(loaded.status).toEqual({ phase: 'Running' });
    const again = store.operations.upsert({ ...pod('web'), metadata: { name: 'web', labels: { v: '2' } }, status: { phase: 'Running' } });
    expect(again.metadata.labels).toEqual({ v: '2' });
  });

  it('keeps no watch history of a restore: watches resume from where it ended', async () => {
    const store = newStore();
    const before = store.currentResourceVersion();
    const live: string[] = [];
    store.watch(PODS, undefined, { resourceVersion: before }, e => live.push(`${e.type}:${e.object.metadata.name}`));
    store.restoring(() => store.operations.upsert({ ...pod('loaded'), metadata: { name: 'loaded', namespace: 'default' } }));
    const after = store.currentResourceVersion();
    store.create(PODS, 'default', pod('later'));
    const fromBefore: WatchEvent[] = [];
    const fromAfter: string[] = [];
    store.watch(PODS, undefined, { resourceVersion: before }, e => fromBefore.push(e));
    store.watch(PODS, undefined, { resourceVersion: after }, e => fromAfter.push(`${e.type}:${e.object.metadata.name}`));
    await store.settle();
    expect(live).toEqual(['ADDED:loaded', 'ADDED:later']);
    expect(fromBefore.map(e => [e.type, (e.object as unknown as { code: number }).code])).toEqual([['ERROR', 410]]);
    expect(fromAfter).toEqual(['ADDED:later']);
  });

  it('loads an object and its status as one write, with the managedFields of two', async () => {
    const store = newStore();
    const before = Number(store.currentResourceVersion());
    const events: WatchEvent[] = [];
    const stop = store.watch(PODS, 'default', { resourceVersion: String(before) }, e => events.push(e));
    const loaded = store.operations.upsert({ ...pod('web'), status: { phase: 'Running' } }, { fieldManager: 'loader' });
    expect(Number(loaded.metadata.resourceVersion)).toBe(before + 1);
    expect(loaded.metadata.managedFields?.map(e => [e.manager, e.subresource])).toEqual([
      ['loader', undefined],
      ['loader', 'status'],
    ]);
    await store.settle();
    stop();
    expect(events.map(e => [e.type, e.object.status])).toEqual([['ADDED', { phase: 'Running' }]]);
  });
});

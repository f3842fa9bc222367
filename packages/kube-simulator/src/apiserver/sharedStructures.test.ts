import { StructureTable } from './sharedStructures';

const pod = (name: string, node: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', uid: 'u1', controller: true }] },
  spec: { nodeName: node, containers: [{ name: 'app', image: 'web:1', resources: { requests: { cpu: '100m' } } }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
});

describe('StructureTable', () => {
  it('shares identical parts between objects, but not the objects or their metadata', () => {
    const table = new StructureTable();
    const a = pod('a', 'n1');
    const b = pod('b', 'n2');
    const expected = JSON.stringify(b);
    table.shareParts(a);
    table.shareParts(b);
    expect(JSON.stringify(b)).toBe(expected);
    expect(b.spec.containers).toBe(a.spec.containers);
    expect(b.status).toBe(a.status);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect(b.spec).not.toBe(a.spec);
    expect(b.metadata).not.toBe(a.metadata);
    expect(Object.isFrozen(b.spec)).toBe(true);
    expect(Object.isFrozen(b)).toBe(false);
  });

  it.each([
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ a: null }, { a: undefined }],
    [{ a: '1' }, { a: 1 }],
    [{ a: true }, { a: 'true' }],
    [[1, 2], { 0: 1, 1: 2 }],
    [{ a: {} }, { a: [] }],
    [{ a: NaN }, { a: null }],
  ])('keeps %j and %j apart', (x, y) => {
    const table = new StructureTable();
    const one = table.share(x);
    const other = table.share(y);
    expect(other).not.toBe(one);
    expect(other).toEqual(y);
  });

  it('keeps sharing parts it saw in the previous generation, and forgets older ones', () => {
    const table = new StructureTable(2);
    const first = table.share({ a: 1 });
    table.share({ b: 1 });
    table.share({ c: 1 });
    expect(table.share({ a: 1 })).toBe(first); // previous generation: found and kept
    for (const k of ['d', 'e', 'f', 'g', 'h']) table.share({ [k]: 1 });
    const again = table.share({ a: 1 });
    expect(again).not.toBe(first);
    expect(again).toEqual({ a: 1 });
  });

  it('takes frozen parts as they are', () => {
    const table = new StructureTable();
    const frozen = Object.freeze({ x: Object.freeze([1]) });
    const holder = { metadata: {}, spec: { template: frozen } };
    table.shareParts(holder);
    expect(holder.spec.template).toBe(frozen);
  });
});

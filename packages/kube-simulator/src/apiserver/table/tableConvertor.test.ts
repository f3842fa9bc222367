import type { RunningSimulator } from '../../server/startSimulator';
import { eventually, node, startTestSimulator, testScenario } from '../../__testUtils__/testSimulator';
import { humanDuration } from './humanDuration';
import { evaluateJsonPath } from './tableConvertor';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('Table output', () => {
  let sim: RunningSimulator;
  const table = async (path: string) => {
    const res = await fetch(`${sim.clusters[0].url}${path}`, { headers: { Authorization: 'Bearer admin-token', Accept: TABLE } });
    return res.json();
  };

  beforeAll(async () => {
    sim = await startTestSimulator(
      testScenario([
        node('worker-1'),
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'team-a' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      ]),
    );
  });

  afterAll(() => sim.stop());

  it('renders pods with NAME, READY, STATUS, RESTARTS and AGE', async () => {
    await eventually(async () => (await table('/api/v1/namespaces/team-a/pods')).rows[0].cells[2] === 'Running');
    await sim.clock.advance(5 * 60_000);
    const t = await table('/api/v1/namespaces/team-a/pods');
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.filter((c: { priority: number }) => c.priority === 0).map((c: { name: string }) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(t.rows[0].cells.slice(0, 5)).toEqual(['web', '1/1', 'Running', '0', '5m']);
    expect(t.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'web', namespace: 'team-a' } });
  });

  it('renders namespaces, custom resources and single objects', async () => {
    const ns = await table('/api/v1/namespaces');
    expect(ns.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(ns.rows.map((r: { cells: unknown[] }) => r.cells[1])).toContain('Active');
    const backups = await table('/apis/velero.io/v1/namespaces/team-a/backups');
    expect(backups.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Status', 'Age']);
    const one = await table('/api/v1/namespaces/team-a');
    expect(one.rows).toHaveLength(1);
  });
});

describe('humanDuration', () => {
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [150_000, '2m30s'],
    [30 * 60_000, '30m'],
    [5 * 3600_000 + 60_000, '5h1m'],
    [30 * 3600_000, '30h'],
    [3 * 86_400_000 + 3600_000, '3d1h'],
    [100 * 86_400_000, '100d'],
    [3 * 365 * 86_400_000, '3y'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('evaluateJsonPath', () => {
  it('handles fields, indexes and filters', () => {
    const obj = { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Other', status: 'False' }] }, spec: { list: [1, 2] } };
    expect(evaluateJsonPath(obj, ".status.conditions[?(@.type=='Ready')].status")).toEqual(['True']);
    expect(evaluateJsonPath(obj, '.spec.list[1]')).toEqual([2]);
    expect(evaluateJsonPath(obj, '.spec.list[*]')).toEqual([1, 2]);
    expect(evaluateJsonPath(obj, '.spec.missing')).toEqual([]);
  });
});

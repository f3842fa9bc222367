import type { RunningSimulator } from './startSimulator';
import { startTestSimulator, testScenario } from '../__testUtils__/testSimulator';

describe('fault injection', () => {
  let sim: RunningSimulator;
  const scenario = testScenario();
  scenario.clusters.push({ ...scenario.clusters[0], name: 'c2', token: 'c2-token', users: [] });
  const get = (cluster: string, path: string, token = 'admin-token') =>
    fetch(`${sim.url}/clusters/${cluster}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.url}/_admin${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    sim = await startTestSimulator(scenario);
  });

  afterEach(() => sim.faults.clear());
  afterAll(() => sim.stop());

  it('answers with an error status before authentication, only on the faulty cluster', async () => {
    sim.faults.set('c1', { errorStatus: 503 });
    const res = await get('c1', '/api/v1/namespaces', 'no-token');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ kind: 'Status', code: 503, reason: 'ServiceUnavailable' });
    expect((await get('c2', '/api/v1/namespaces', 'c2-token')).status).toBe(200);
  });

  it('adds latency', async () => {
    sim.faults.set('c1', { latencyMs: 250 });
    const started = Date.now();
    expect((await get('c1', '/version')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('limits faults to matching paths and to a number of requests', async () => {
    sim.faults.set('c1', { errorStatus: 500, pathPattern: '/pods', count: 2 });
    expect((await get('c1', '/api/v1/namespaces')).status).toBe(200);
    expect((await get('c1', '/api/v1/pods')).status).toBe(500);
    expect((await get('c1', '/api/v1/pods')).status).toBe(500);
    expect((await get('c1', '/api/v1/pods')).status).toBe(200);
    expect(sim.faults.get('c1')).toBeUndefined();
  });

  it('holds then drops connections of a cluster that is down', async () => {
    sim.faults.set('c1', { down: true, latencyMs: 100 });
    const started = Date.now();
    await expect(get('c1', '/version')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect((await get('c2', '/version', 'c2-token')).status).toBe(200);
  });

  it('is driven by the admin endpoint', async () => {
    const set = await admin('POST', '/faults/c1', { errorStatus: 429 });
    expect(set.status).toBe(200);
    expect((await get('c1', '/version')).status).toBe(429);
    expect((await (await admin('GET', '/faults')).json()).faults).toEqual({ c1: { errorStatus: 429 }, c2: null });
    expect((await admin('DELETE', '/faults/c1')).status).toBe(200);
    expect((await get('c1', '/version')).status).toBe(200);
    await admin('POST', '/faults/c2', { latencyMs: 1 });
    await admin('DELETE', '/faults');
    expect(sim.faults.get('c2')).toBeUndefined();
    expect((await admin('POST', '/faults/c1', { errorStatus: 200 })).status).toBe(400);
    expect((await admin('POST', '/faults/c1', { slow: true })).status).toBe(400);
    expect((await admin('POST', '/faults/nope', { down: true })).status).toBe(404);
  });
});

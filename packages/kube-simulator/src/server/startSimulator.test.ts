import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import * as k8s from '@kubernetes/client-node';
import { startSimulator } from './startSimulator';
import { kubeConfigFor, namespace, startTestSimulator, testScenario } from '../__testUtils__/testSimulator';

describe('startSimulator', () => {
  it('in real time, first catches the clock up with the wall clock, then follows it', async () => {
    const hourAgo = new Date(Date.now() - 45 * 60_000).toISOString();
    const sim = await startSimulator({ scenario: { ...testScenario(), startTime: hourAgo }, port: 0, realtime: 1 });
    try {
      expect(Math.abs(sim.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await sim.stop();
    }
    const still = await startSimulator({ scenario: { ...testScenario(), startTime: hourAgo }, port: 0 });
    try {
      // Without real time the clock stands where the scenario starts.
      expect(still.clock.now().toISOString()).toBe(hourAgo);
    } finally {
      await still.stop();
    }
  });

  it('serves every scenario cluster, writes a kubeconfig and advances the clock via the admin endpoint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-'));
    const scenario = testScenario([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-scenario', namespace: 'team-a' } }]);
    scenario.clusters.push({ name: 'c2', token: 'c2-token', objects: [namespace('other')] });
    const sim = await startTestSimulator(scenario, { kubeconfigOut: path.join(dir, 'kubeconfig') });
    try {
      expect(sim.clusters.map(c => c.name)).toEqual(['c1', 'c2']);
      expect(sim.clusters[0].url).toBe(`${sim.url}/clusters/c1`);
      expect(sim.clusters[0].httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/clusters\/c1$/);

      const config = parse(fs.readFileSync(sim.kubeconfigPath!, 'utf8'));
      expect(config.contexts.map((c: { name: string }) => c.name)).toEqual(['c1', 'c2']);
      expect(config.clusters[0].cluster['certificate-authority-data']).toBe(Buffer.from(sim.caCertificate).toString('base64'));
      expect(config.users[1].user.token).toBe('c2-token');

      // The https:// side verifies against the certificate in the kubeconfig.
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(sim.kubeconfigPath!);
      kc.setCurrentContext('c1');
      const cm = await kc.makeApiClient(k8s.CoreV1Api).readNamespacedConfigMap({ namespace: 'team-a', name: 'from-scenario' });
      expect(cm.metadata?.name).toBe('from-scenario');

      const clusters = await (await fetch(`${sim.url}/_admin/clusters`)).json();
      expect(clusters.clusters.map((c: { name: string }) => c.name)).toEqual(['c1', 'c2']);
      const before = sim.clock.now().getTime();
      const res = await fetch(`${sim.url}/_admin/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 3_600_000 }) });
      expect(await res.json()).toEqual({ now: new Date(before + 3_600_000).toISOString() });
      expect((await fetch(`${sim.url}/_admin/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: -1 }) })).status).toBe(400);
    } finally {
      await sim.stop();
    }
  });

  it('adds clusters at runtime; the clusters list is live', async () => {
    const sim = await startTestSimulator();
    try {
      const info = sim.addCluster({ name: 'tenant-vc', token: 'vc-token', objects: [namespace('app')] });
      expect(sim.clusters.map(c => c.name)).toEqual(['c1', 'tenant-vc']);
      const core = kubeConfigFor(sim, 'tenant-vc', 'vc-token').makeApiClient(k8s.CoreV1Api);
      expect((await core.readNamespace({ name: 'app' })).metadata?.name).toBe('app');
      expect(info.url).toBe(`${sim.url}/clusters/tenant-vc`);
      expect(() => sim.addCluster({ name: 'tenant-vc', token: 'x', objects: [] })).toThrow(/already exists/);
    } finally {
      await sim.stop();
    }
  });

  it('fails loudly on a scenario object it cannot load', async () => {
    const bad = testScenario([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad Name', namespace: 'team-a' } }]);
    await expect(startSimulator({ scenario: bad, port: 0 })).rejects.toThrow(/cannot load ConfigMap team-a\/Bad Name/);
  });

  it('is deterministic for a seed', async () => {
    const uidOf = async () => {
      const sim = await startTestSimulator();
      try {
        return (await kubeConfigFor(sim).makeApiClient(k8s.CoreV1Api).readNamespace({ name: 'team-a' })).metadata?.uid;
      } finally {
        await sim.stop();
      }
    };
    expect(await uidOf()).toBe(await uidOf());
  });
});

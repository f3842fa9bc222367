/*
 * The simulator as kubectl sees it. These tests need kubectl on PATH (CI installs it); without
 * it a single test reports why and passes, because skipped tests are not allowed here.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RunningSimulator } from './startSimulator';
import { hasKubectl, node, startTestSimulator, testScenario } from '../__testUtils__/testSimulator';

const run = promisify(execFile);

const aliceReadsPods = [
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'alice-view', namespace: 'team-a' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }],
  },
];

const manifest = (replicas: number, image = 'nginx:1.27') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team-a
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
`;

if (!hasKubectl()) {
  describe('kubectl (not installed)', () => {
    it('needs kubectl on PATH', () => {
      // eslint-disable-next-line no-console
      console.warn('kubectl not on PATH: the kubectl compatibility tests did not run');
      expect(hasKubectl()).toBe(false);
    });
  });
} else {
  describe('kubectl', () => {
    let sim: RunningSimulator;
    let dir: string;
    const kubectl = async (...args: string[]) => {
      try {
        const { stdout } = await run('kubectl', ['--kubeconfig', path.join(dir, 'kubeconfig'), '--context', 'c1', ...args], { timeout: 30_000 });
        return stdout;
      } catch (err) {
        const e = err as { stderr?: string; stdout?: string };
        throw new Error(`kubectl ${args.join(' ')} failed: ${e.stderr ?? ''}${e.stdout ?? ''}`);
      }
    };
    const kubectlFails = async (...args: string[]) => {
      try {
        await run('kubectl', ['--kubeconfig', path.join(dir, 'kubeconfig'), '--context', 'c1', ...args], { timeout: 30_000 });
      } catch (err) {
        return (err as { stderr: string }).stderr;
      }
      throw new Error(`kubectl ${args.join(' ')} should have failed`);
    };
    const applyFile = (content: string) => {
      const file = path.join(dir, `m-${Math.random().toString(36).slice(2)}.yaml`);
      fs.writeFileSync(file, content);
      return file;
    };

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-kubectl-'));
      sim = await startTestSimulator(testScenario([node('worker-1'), ...aliceReadsPods]), { kubeconfigOut: path.join(dir, 'kubeconfig') });
    });

    afterAll(() => sim?.stop());

    it('gets namespaces and pods as tables', async () => {
      const ns = await kubectl('get', 'namespaces');
      expect(ns.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
      expect(ns).toMatch(/team-a\s+Active/);
      expect(await kubectl('get', 'configmaps', '-A')).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE\n(.*\n)*team-a\s+kube-root-ca.crt\s+1\s/);
      await kubectl('run', 'probe', '-n', 'team-a', '--image=busybox:1.36');
      expect(await kubectl('get', 'pods', '-A')).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nteam-a\s+probe\s/);
      expect(await kubectl('api-resources', '--api-group=velero.io')).toMatch(/backups\s+velero.io\/v1\s+true\s+Backup/);
    });

    it('applies client-side, then server-side, and reports field conflicts', async () => {
      expect(await kubectl('apply', '-f', applyFile(manifest(2)))).toContain('deployment.apps/web created');
      expect(await kubectl('apply', '-f', applyFile(manifest(2, 'nginx:1.28')))).toContain('deployment.apps/web configured');
      expect(await kubectl('get', 'deployment', 'web', '-n', 'team-a', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.28');
      expect(await kubectl('apply', '--server-side', '-f', applyFile(manifest(2, 'nginx:1.28')))).toContain('serverside-applied');
      await kubectl('scale', 'deployment', 'web', '-n', 'team-a', '--replicas=4');
      const conflict = await kubectlFails('apply', '--server-side', '-f', applyFile(manifest(2, 'nginx:1.28')));
      expect(conflict).toContain('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
      expect(await kubectl('apply', '--server-side', '--force-conflicts', '-f', applyFile(manifest(3, 'nginx:1.28')))).toContain('serverside-applied');
      await kubectl('rollout', 'status', 'deployment/web', '-n', 'team-a', '--timeout=20s');
    });

    it('answers auth can-i with impersonation', async () => {
      expect((await kubectl('auth', 'can-i', '--as', 'alice', 'get', 'pods', '-n', 'team-a')).trim()).toBe('yes');
      const no = await run('kubectl', ['--kubeconfig', path.join(dir, 'kubeconfig'), '--context', 'c1', 'auth', 'can-i', '--as', 'alice', 'delete', 'pods', '-n', 'team-a']).catch(e => e);
      expect(String(no.stdout).trim()).toBe('no');
      expect((await kubectl('auth', 'can-i', 'create', 'deployments', '-n', 'team-a')).trim()).toBe('yes');
    });

    it('shows logs, metrics and server-side dry runs', async () => {
      const pod = (await kubectl('get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
      await sim.clock.advance(120_000);
      expect(await kubectl('logs', '-n', 'team-a', pod, '--tail=2')).toMatch(/\[web\]/);
      expect(await kubectl('top', 'pods', '-n', 'team-a')).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
      expect(await kubectl('create', 'configmap', 'dry', '-n', 'team-a', '--from-literal=a=b', '--dry-run=server')).toContain('configmap/dry created (server dry run)');
      expect(await kubectlFails('get', 'configmap', 'dry', '-n', 'team-a')).toContain('configmaps "dry" not found');
    });

    it('deletes a namespace and waits for its termination', async () => {
      await kubectl('create', 'namespace', 'doomed');
      await kubectl('create', 'configmap', 'x', '-n', 'doomed', '--from-literal=a=b');
      expect(await kubectl('delete', 'namespace', 'doomed', '--timeout=20s')).toContain('namespace "doomed" deleted');
      expect(await kubectlFails('get', 'namespace', 'doomed')).toContain('namespaces "doomed" not found');
    });
  });
}

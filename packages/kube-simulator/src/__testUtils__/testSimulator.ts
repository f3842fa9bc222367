/*
 * Test helpers: a simulator with a small inline scenario on an ephemeral port, and
 * @kubernetes/client-node configurations for its clusters (admin and other users).
 */
import { execFileSync } from 'node:child_process';
import * as k8s from '@kubernetes/client-node';
import { RunningSimulator, startSimulator, StartSimulatorOptions } from '../server/startSimulator';
import type { KubeObject, Scenario, ScenarioCluster } from '../types';

/** The admin token of the test cluster. */
export const ADMIN_TOKEN = 'admin-token';
/** alice: a member of `devs`, with no RBAC unless a test binds her. */
export const ALICE_TOKEN = 'alice-token';

/** A namespace object. */
export function namespace(name: string, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } };
}

/** A Ready worker node with 8 CPUs and 32Gi. */
export function node(name: string): KubeObject {
  const capacity = { cpu: '8', memory: '32Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/worker': '' } },
    spec: {},
    status: {
      capacity,
      allocatable: capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.10' }],
      nodeInfo: { kubeletVersion: 'v1.31.4', osImage: 'Ubuntu 24.04 LTS' },
    },
  };
}

/** A one-cluster scenario named `c1` with namespace team-a and the given extra objects. */
export function testScenario(objects: KubeObject[] = [], extra: Partial<ScenarioCluster> = {}): Scenario {
  return {
    name: 'test',
    startTime: '2025-03-01T12:00:00Z',
    clusters: [
      {
        name: 'c1',
        token: ADMIN_TOKEN,
        version: 'v1.31.4',
        users: [{ token: ALICE_TOKEN, username: 'alice', groups: ['devs'] }],
        objects: [namespace('team-a'), ...objects],
        ...extra,
      },
    ],
  };
}

/** Starts a simulator on port 0 serving `scenario`. */
export function startTestSimulator(scenario: Scenario = testScenario(), options: Partial<StartSimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ scenario, port: 0, ...options });
}

/** A client-node KubeConfig for a cluster of the simulator, as the given token. */
export function kubeConfigFor(sim: RunningSimulator, cluster = 'c1', token = ADMIN_TOKEN): k8s.KubeConfig {
  const c = sim.clusters.find(x => x.name === cluster);
  if (!c) throw new Error(`no cluster ${cluster}`);
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: cluster, server: c.url, skipTLSVerify: true }],
    users: [{ name: 'user', token }],
    contexts: [{ name: cluster, cluster, user: 'user', namespace: 'default' }],
    currentContext: cluster,
  });
  return kc;
}

/** The Status body of a failed client-node call. */
export async function statusOf(promise: Promise<unknown>): Promise<{ code: number; reason?: string; message?: string; details?: any; kind?: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { code?: number; body?: unknown };
    const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
    return { ...(body as object), code: e.code ?? (body as { code: number }).code } as never;
  }
  throw new Error('expected the call to fail');
}

/** Whether kubectl is on PATH. */
export function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Polls until `fn` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw last instanceof Error ? last : new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 20));
  }
}

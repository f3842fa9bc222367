'use strict';
/*
 * Starts the embedded demo fleet (packages/kube-simulator) as a child process and turns the
 * kubeconfig it writes into an app-config fragment listing its clusters, in the shape of
 * @backstage/plugin-kubernetes' `clusterLocatorMethods` config (which Kubeyard reads too).
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, log, waitFor, spawnGroup } = require('./process');

const simulatorCli = path.join(root, 'packages', 'kube-simulator', 'bin', 'kube-simulator.js');

/** True once packages/kube-simulator ships its CLI. */
function fleetAvailable() {
  return fs.existsSync(simulatorCli);
}

/** Builds the app-config fragment from a kubeconfig written by the simulator. */
function fleetConfigFromKubeconfig(kubeconfigText) {
  const YAML = require('yaml');
  const kubeconfig = YAML.parse(kubeconfigText);
  const users = new Map((kubeconfig.users ?? []).map(u => [u.name, u.user ?? {}]));
  const clusters = new Map((kubeconfig.clusters ?? []).map(c => [c.name, c.cluster ?? {}]));
  const entries = (kubeconfig.contexts ?? []).map(({ name, context }) => {
    const cluster = clusters.get(context.cluster) ?? {};
    const user = users.get(context.user) ?? {};
    return {
      name,
      url: cluster.server,
      authProvider: 'serviceAccount',
      serviceAccountToken: user.token,
      skipTLSVerify: true,
      skipMetricsLookup: false,
    };
  });
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters: entries }],
    },
  };
}

/**
 * Launches the simulator on `port` with `scenario` (simulated time running at `realtime` times
 * the wall clock; 0 stops it) and resolves with the path of the app-config fragment, or
 * undefined when the simulator is not part of this checkout yet.
 */
async function startFleet({ port, scenario = 'demo', dataDir, children, realtime = 1 }) {
  if (!fleetAvailable()) {
    log('the embedded fleet (packages/kube-simulator) is not available: starting without clusters');
    return undefined;
  }
  const kubeconfigPath = path.join(dataDir, `kubeconfig-${port}.yaml`);
  const fragmentPath = path.join(dataDir, `app-config.fleet-${port}.yaml`);
  fs.rmSync(kubeconfigPath, { force: true });
  // Simulated time follows the wall clock, so backups run on their crons, restores and on-demand
  // backups finish, and usage (hence cost) changes as in a real fleet.
  const timeFlags = realtime > 0 ? ['--realtime', String(realtime)] : [];
  const child = spawnGroup(process.execPath, [simulatorCli, '--scenario', scenario, '--port', String(port), '--kubeconfig-out', kubeconfigPath, ...timeFlags], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  await waitFor(`the embedded fleet on :${port}`, () => fs.existsSync(kubeconfigPath) && fs.statSync(kubeconfigPath).size > 0, { timeoutMs: 120_000, child });
  const YAML = require('yaml');
  const fragment = fleetConfigFromKubeconfig(fs.readFileSync(kubeconfigPath, 'utf8'));
  fs.writeFileSync(fragmentPath, `# Written by scripts/lib/fleet.js from ${path.basename(kubeconfigPath)}; do not edit.\n${YAML.stringify(fragment)}`);
  const names = fragment.kubernetes.clusterLocatorMethods[0].clusters.map(c => c.name);
  log(`embedded fleet ready on :${port}: ${names.join(', ')} (kubeconfig: ${path.relative(root, kubeconfigPath)})`);
  return fragmentPath;
}

module.exports = { startFleet, fleetAvailable, fleetConfigFromKubeconfig };

'use strict';
/*
 * `npm start`: the embedded demo fleet, the demo's cost history (KUBEYARD_DEMO_COST_DAYS days,
 * default 7, recorded by the real collector; see lib/costHistory.js), then the Backstage
 * backend (:7007) and frontend (:3000) in development mode. Ports: KUBEYARD_FLEET_PORT (default
 * 6550); the app and backend ports come from app-config (override them in app-config.local.yaml,
 * which is git-ignored).
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, log, spawnGroup, stopAll } = require('./lib/process');
const { startFleet } = require('./lib/fleet');
const { backfillCostHistory } = require('./lib/costHistory');

async function main() {
  const children = [];
  const shutdown = () => {
    stopAll(children);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const dataDir = path.join(root, '.data');
  fs.mkdirSync(path.join(dataDir, 'sqlite'), { recursive: true });
  const configs = [path.join(root, 'app-config.yaml')];
  const fleetPort = Number(process.env.KUBEYARD_FLEET_PORT ?? 6550);
  const scenario = process.env.KUBEYARD_FLEET_SCENARIO ?? 'demo';
  const fleetConfig = await startFleet({ port: fleetPort, scenario, dataDir, children });
  if (fleetConfig) configs.push(fleetConfig);
  const local = path.join(root, 'app-config.local.yaml');
  if (fs.existsSync(local)) configs.push(local);
  if (fleetConfig) await backfillCostHistory({ configs, fleetPort, scenario, children });

  log(`starting Backstage with ${configs.map(c => path.relative(root, c)).join(', ')}`);
  const backstage = spawnGroup('yarn', ['backstage-cli', 'repo', 'start', ...configs.flatMap(c => ['--config', c])]);
  children.push(backstage);
  backstage.on('exit', code => {
    stopAll(children);
    process.exit(code ?? 1);
  });
}

main().catch(error => {
  log(error.message);
  process.exit(1);
});

'use strict';
/*
 * Starts the reference backend (packages/backend) from source WITHOUT a file watcher, for
 * tests and benches: `backstage-cli package start` restarts the backend whenever a file
 * changes, which must not happen in the middle of a test run.
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, spawnGroup } = require('./process');

/** Where the backend runs: relative paths in app-config resolve from here. */
const backendDir = path.join(root, 'packages', 'backend');

/** Node arguments that run a TypeScript file of packages/backend with the backend's config files. */
function backendNodeArgs(script, configs) {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs', { paths: [root] });
  return ['--require', transform, script, ...configs.flatMap(c => ['--config', c])];
}

/** Spawns the backend with the given config files; output goes to `logFile`. */
function startBackend({ configs, logFile }) {
  const out = fs.openSync(logFile, 'w');
  return spawnGroup(process.execPath, backendNodeArgs('src/index.ts', configs), {
    cwd: backendDir,
    // The guest sign-in of the demo only runs in development mode, as with `yarn start`.
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', out, out],
  });
}

module.exports = { startBackend, backendNodeArgs, backendDir };

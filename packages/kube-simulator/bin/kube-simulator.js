#!/usr/bin/env node
/*
 * kube-simulator command. In the repository it runs the TypeScript sources directly through
 * the Backstage CLI's transpile-on-require hook (SWC), so no build step is needed after
 * `yarn install`; a published package runs its built dist/ instead.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'src', 'cli.ts');

function registerTypeScript() {
  const hooks = [
    // @backstage/cli registers @swc/core through pirates; it is a dev dependency of every Backstage repo.
    '@backstage/cli/config/nodeTransform.cjs',
    // Fallback when only sucrase is installed.
    'sucrase/register/ts',
  ];
  for (const hook of hooks) {
    try {
      require(require.resolve(hook, { paths: [root, process.cwd()] }));
      return;
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  throw new Error(`kube-simulator: cannot run ${source}: neither @backstage/cli nor sucrase is installed (run yarn install)`);
}

function loadCli() {
  if (fs.existsSync(source)) {
    registerTypeScript();
    return require(source);
  }
  return require(path.join(root, 'dist', 'index.cjs.js'));
}

const cli = loadCli();
const main = cli.main ?? cli.runKubeSimulatorCli;
main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  err => {
    process.stderr.write(`kube-simulator: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);

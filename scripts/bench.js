'use strict';
/*
 * `npm run bench [-- NAME...]`: runs bench/<NAME>/index.ts (every bench when no name is given)
 * with Backstage's TypeScript transform. Each bench prints its figures and the ratios to a
 * baseline measured in the same run, since these machines are too noisy for absolute times.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, log } = require('./lib/process');

const benchDir = path.join(root, 'bench');
const available = fs.existsSync(benchDir)
  ? fs.readdirSync(benchDir).filter(name => fs.existsSync(path.join(benchDir, name, 'index.ts'))).sort()
  : [];
const wanted = process.argv.slice(2);
const unknown = wanted.filter(name => !available.includes(name));
if (unknown.length > 0) {
  log(`unknown bench ${unknown.join(', ')}; available: ${available.join(', ') || 'none'}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : available) {
  log(`bench/${name}`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--require', require.resolve('@backstage/cli/config/nodeTransform.cjs', { paths: [root] }), path.join(benchDir, name, 'index.ts')],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;

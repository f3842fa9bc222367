#!/usr/bin/env node
/*
 * Kubeyard bootstrap. Runs under any Node >= 18 (it is what `npm start` / `npm test` call first).
 *
 * Backstage needs Node 22 or 24 and yarn 4. Many machines only have an older Node and no yarn,
 * so this script fetches both from the npm registry into .kubeyard/tools (git-ignored):
 *   - yarn:  the `@yarnpkg/cli-dist` package (never a committed binary);
 *   - Node:  only when the running Node is older than 22, the `node-<platform>-<arch>` package,
 *            which ships the binary and the headers native modules (better-sqlite3) build against.
 * It then installs the workspace dependencies when node_modules is missing or stale (a hash of
 * yarn.lock and every package.json), and finally, for `bootstrap.js exec CMD...`, runs CMD with
 * PATH pointing at the chosen node and yarn.
 *
 *   node scripts/bootstrap.js             ensure tools and dependencies
 *   node scripts/bootstrap.js exec CMD    ensure, then run CMD under Node >= 22 with yarn on PATH
 */
'use strict';

const { spawnSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const NODE_VERSION = '22.23.3';
const YARN_VERSION = '4.13.0';
const MIN_NODE_MAJOR = 22;

const root = path.resolve(__dirname, '..');
const toolsDir = path.join(root, '.kubeyard', 'tools');
const binDir = path.join(root, '.kubeyard', 'bin');
const stampFile = path.join(root, 'node_modules', '.kubeyard-install-stamp');

function log(message) {
  process.stderr.write(`[kubeyard] ${message}\n`);
}

function majorOf(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function installedVersion(pkgDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
  }
}

/** Decides which Node runs the tooling and makes sure it and yarn are installed. */
function ensureTools() {
  const systemNodeOk = majorOf(process.versions.node) >= MIN_NODE_MAJOR;
  const nodePkg = `node-${process.platform}-${process.arch}`;
  const nodePkgDir = path.join(toolsDir, 'node_modules', nodePkg);
  const yarnPkgDir = path.join(toolsDir, 'node_modules', '@yarnpkg', 'cli-dist');

  const wanted = [];
  if (installedVersion(yarnPkgDir) !== YARN_VERSION) {
    wanted.push(`@yarnpkg/cli-dist@${YARN_VERSION}`);
  }
  if (!systemNodeOk && installedVersion(nodePkgDir) !== NODE_VERSION) {
    wanted.push(`${nodePkg}@${NODE_VERSION}`);
  }
  if (wanted.length > 0) {
    log(`fetching ${wanted.join(', ')} from the npm registry into .kubeyard/tools`);
    fs.mkdirSync(toolsDir, { recursive: true });
    const manifest = path.join(toolsDir, 'package.json');
    if (!fs.existsSync(manifest)) {
      fs.writeFileSync(manifest, '{ "name": "kubeyard-tools", "private": true }\n');
    }
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    run(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
      '--loglevel=error', ...wanted], { cwd: toolsDir });
  }

  const nodeBinary = systemNodeOk ? process.execPath : path.join(nodePkgDir, 'bin', 'node');
  // Headers for node-gyp: the registry package ships include/node; a system Node has them
  // next to its prefix (/usr/include/node for Debian's nodejs).
  const nodeDir = systemNodeOk ? path.resolve(path.dirname(process.execPath), '..') : nodePkgDir;

  fs.mkdirSync(binDir, { recursive: true });
  const nodeLink = path.join(binDir, 'node');
  try {
    if (fs.readlinkSync(nodeLink) !== nodeBinary) fs.unlinkSync(nodeLink);
  } catch {
    /* missing or not a link */
  }
  if (!fs.existsSync(nodeLink)) fs.symlinkSync(nodeBinary, nodeLink);
  const yarnShim = path.join(binDir, 'yarn');
  const shim = `#!/bin/sh\nexec "${nodeLink}" "${path.join(yarnPkgDir, 'bin', 'yarn.js')}" "$@"\n`;
  if (!fs.existsSync(yarnShim) || fs.readFileSync(yarnShim, 'utf8') !== shim) {
    fs.writeFileSync(yarnShim, shim, { mode: 0o755 });
  }

  return {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    NPM_CONFIG_NODEDIR: nodeDir,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    // npm passes its own config to children; yarn must not inherit npm's lifecycle settings.
    npm_config_user_agent: undefined,
  };
}

/** The files whose change means `yarn install` must run again. */
function manifestHash() {
  const hash = crypto.createHash('sha256');
  const files = ['yarn.lock', 'package.json', '.yarnrc.yml'];
  for (const dir of ['packages', 'plugins']) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) {
      const manifest = path.join(dir, name, 'package.json');
      if (fs.existsSync(path.join(root, manifest))) files.push(manifest);
    }
  }
  for (const file of files) {
    hash.update(file);
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch {
      hash.update('<missing>');
    }
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function ensureDependencies(env) {
  const wanted = manifestHash();
  let have;
  try {
    have = fs.readFileSync(stampFile, 'utf8').trim();
  } catch {
    have = undefined;
  }
  if (have === wanted) return;
  log(have ? 'dependencies changed: running yarn install' : 'installing dependencies (first run takes a few minutes)');
  const started = Date.now();
  const args = ['install'];
  if (process.env.CI && fs.existsSync(path.join(root, 'yarn.lock'))) args.push('--immutable');
  run(path.join(binDir, 'yarn'), args, { cwd: root, env });
  fs.writeFileSync(stampFile, `${manifestHash()}\n`);
  log(`dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function main() {
  const argv = process.argv.slice(2);
  const env = ensureTools();
  ensureDependencies(env);
  if (argv[0] !== 'exec') return;
  const [cmd, ...args] = argv.slice(1);
  if (!cmd) throw new Error('usage: bootstrap.js exec COMMAND [ARGS...]');
  const command = cmd === 'node' ? path.join(binDir, 'node') : cmd;
  const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

try {
  main();
} catch (error) {
  log(error.message);
  process.exitCode = 1;
}

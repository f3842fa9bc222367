'use strict';
/* Small process helpers shared by scripts/start.js and scripts/test.js. */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function log(message) {
  process.stderr.write(`[kubeyard] ${message}\n`);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `check` until it is truthy; fails early when `child` exits. */
async function waitFor(what, check, { timeoutMs, intervalMs = 500, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited;
  child?.once('exit', code => {
    exited = code;
  });
  for (;;) {
    if (await check()) return;
    if (exited !== undefined) throw new Error(`${what}: the process exited with ${exited} before it was ready`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
}

/** Resolves true when `url` answers with a status below 500. */
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Spawns a command in its own process group, so stopAll can end it together with whatever
 * it spawned (backstage-cli starts the backend and the bundler as grandchildren).
 */
function spawnGroup(command, args, options) {
  const { spawn } = require('node:child_process');
  return spawn(command, args, { cwd: root, env: process.env, stdio: 'inherit', ...options, detached: true });
}

/** Stops child processes and their process groups. */
function stopAll(children) {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      try {
        child.kill('SIGTERM');
      } catch {
        /* already gone */
      }
    }
  }
}

module.exports = { root, log, sleep, waitFor, answers, spawnGroup, stopAll };

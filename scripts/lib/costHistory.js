'use strict';
/*
 * The demo's cost history: before the backend starts, packages/backend/src/demo/
 * backfillCostHistoryCli.ts runs the real cost collector over a second, short-lived demo fleet
 * for the KUBEYARD_DEMO_COST_DAYS (default 7; 0 turns it off) days before the live demo fleet's
 * clock started, into the database the backend is about to use. A database that already holds
 * history is left alone. A failed backfill is reported, not fatal: the demo then starts with
 * live samples only.
 */
const { log, spawnGroup } = require('./process');
const { backendNodeArgs, backendDir } = require('./backend');

/** Runs the backfill for the fleet on `fleetPort` with the backend's `configs`; resolves when done. */
async function backfillCostHistory({ configs, fleetPort, scenario = 'demo', children }) {
  const days = Number(process.env.KUBEYARD_DEMO_COST_DAYS ?? 7);
  if (days === 0) return;
  if (!(days > 0)) {
    log(`KUBEYARD_DEMO_COST_DAYS must be a number of days (0 for none), got "${process.env.KUBEYARD_DEMO_COST_DAYS}": no cost history`);
    return;
  }
  if (scenario !== 'demo') {
    log(`cost history: only recorded for the demo scenario, not "${scenario}"`);
    return;
  }
  // The history ends where the live fleet's clock is (it follows the wall clock).
  const clock = await (await fetch(`http://127.0.0.1:${fleetPort}/_admin/clock`)).json();
  const args = [...backendNodeArgs('src/demo/backfillCostHistoryCli.ts', configs), '--days', String(days), '--until', clock.now];
  const child = spawnGroup(process.execPath, args, { cwd: backendDir, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  const code = await new Promise(resolve => child.once('exit', (status, signal) => resolve(status ?? signal)));
  children.splice(children.indexOf(child), 1);
  if (code !== 0) log(`cost history: the backfill failed (${code}); the costs page shows live samples only`);
}

module.exports = { backfillCostHistory };

'use strict';
/*
 * `npm test`: every test in the repo.
 *   1. unit and integration: Jest through backstage-cli for every package. PostgreSQL tests run
 *      when KUBEYARD_TEST_PG (a connection string) is set, and are reported as skipped otherwise.
 *   2. e2e: builds the frontend, starts the embedded fleet, records the demo's cost history
 *      (lib/costHistory.js), starts the backend (serving the built app) on their own ports, and
 *      runs Playwright against Debian's Chromium.
 * Ends with one line `N passed, N failed` summing all suites; exits non-zero on any failure.
 *
 *   npm test                       everything
 *   npm test -- --only unit|e2e    one suite
 *   KUBEYARD_E2E_GREP=tenant npm test -- --only e2e    only the e2e tests whose title matches
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, log, waitFor, answers, stopAll } = require('./lib/process');
const { startFleet } = require('./lib/fleet');
const { startBackend } = require('./lib/backend');
const { backfillCostHistory } = require('./lib/costHistory');

const resultsDir = path.join(root, 'test-results');
const E2E_BACKEND_PORT = Number(process.env.KUBEYARD_E2E_PORT ?? 7017);
const E2E_FLEET_PORT = Number(process.env.KUBEYARD_E2E_FLEET_PORT ?? 6560);

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function unitSuite() {
  const output = path.join(resultsDir, 'jest.json');
  fs.rmSync(output, { force: true });
  const env = { CI: 'true' };
  if (process.env.KUBEYARD_TEST_PG) {
    // Backstage's TestDatabases read their connection strings from these variables.
    env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING = process.env.KUBEYARD_TEST_PG;
  } else {
    log('KUBEYARD_TEST_PG is not set: PostgreSQL tests are reported as skipped');
  }
  const { status, seconds } = run('yarn', ['backstage-cli', 'repo', 'test', '--ci', '--json', `--outputFile=${output}`], env);
  const report = readJson(output);
  if (!report) return { name: 'unit', passed: 0, failed: 1, skipped: 0, seconds, note: 'jest wrote no report' };
  // A suite that fails to run at all (syntax error, failing import) has no failed tests.
  const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  return {
    name: 'unit',
    passed: report.numPassedTests,
    failed: status !== 0 && failed === 0 ? 1 : failed,
    skipped: report.numPendingTests + report.numTodoTests,
    seconds,
  };
}

/** True when the catalog serves the entity (`kind/namespace/name`), asked as the guest. */
async function catalogHas(base, ref) {
  try {
    const session = await (await fetch(`${base}/api/auth/guest/refresh`)).json();
    const token = session.backstageIdentity.token;
    const response = await fetch(`${base}/api/catalog/entities/by-name/${ref}`, { headers: { authorization: `Bearer ${token}` } });
    return response.ok;
  } catch {
    return false;
  }
}

/** The e2e backend serves the built app itself, on its own port and its own database. */
function writeE2eConfig(dataDir) {
  const base = `http://localhost:${E2E_BACKEND_PORT}`;
  const file = path.join(dataDir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    file,
    [
      '# Written by scripts/test.js for the e2e run.',
      `app: { baseUrl: '${base}' }`,
      'backend:',
      `  baseUrl: '${base}'`,
      `  listen: { port: ${E2E_BACKEND_PORT} }`,
      `  cors: { origin: '${base}' }`,
      `  database: { client: better-sqlite3, connection: { directory: '${path.join(dataDir, 'sqlite')}' } }`,
      '',
    ].join('\n'),
  );
  return file;
}

async function e2eSuite() {
  const started = Date.now();
  const build = run('yarn', ['workspace', 'app', 'build']);
  log(`frontend build took ${build.seconds.toFixed(1)} s`);
  if (build.status !== 0) return { name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: build.seconds, note: 'frontend build failed' };

  const dataDir = path.join(root, '.data', 'e2e');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'sqlite'), { recursive: true });
  const children = [];
  const output = path.join(resultsDir, 'playwright.json');
  fs.rmSync(output, { force: true });
  try {
    const configs = [path.join(root, 'app-config.yaml')];
    const fleet = await startFleet({ port: E2E_FLEET_PORT, dataDir, children });
    if (fleet) configs.push(fleet);
    configs.push(writeE2eConfig(dataDir));
    // The costs pages show days of history recorded by the real collector, as with npm start.
    if (fleet) await backfillCostHistory({ configs, fleetPort: E2E_FLEET_PORT, children });
    const backend = startBackend({ configs, logFile: path.join(resultsDir, 'e2e-backend.log') });
    children.push(backend);
    const base = `http://localhost:${E2E_BACKEND_PORT}`;
    await waitFor('the backend', () => answers(`${base}/.backstage/health/v1/readiness`), { timeoutMs: 180_000, child: backend });
    // A fresh database: wait until the catalog has ingested the demo organisation.
    await waitFor('the demo catalog', () => catalogHas(base, 'component/default/payments-api'), { timeoutMs: 180_000, child: backend });
    // Clusters reach the catalog through Kubeyard's entity provider (the template's cluster picker).
    await waitFor('the clusters in the catalog', () => catalogHas(base, 'resource/default/prod-eu'), { timeoutMs: 180_000, child: backend });
    const grep = process.env.KUBEYARD_E2E_GREP ? ['--grep', process.env.KUBEYARD_E2E_GREP] : [];
    const playwright = run('yarn', ['playwright', 'test', '--config', 'test/e2e/playwright.config.ts', ...grep], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: output,
      KUBEYARD_E2E_BASE_URL: base,
      KUBEYARD_E2E_FLEET_URL: `http://127.0.0.1:${E2E_FLEET_PORT}`,
    });
    const report = readJson(output);
    const stats = report?.stats ?? {};
    const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
    const failed = stats.unexpected ?? 0;
    return {
      name: 'e2e',
      passed,
      failed: playwright.status !== 0 && failed === 0 ? 1 : failed,
      skipped: stats.skipped ?? 0,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    log(`e2e: ${error.message} (backend log: test-results/e2e-backend.log)`);
    return { name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: (Date.now() - started) / 1000, note: error.message };
  } finally {
    stopAll(children);
  }
}

async function main() {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  fs.mkdirSync(resultsDir, { recursive: true });
  const suites = [];
  if (!only || only === 'unit') suites.push(unitSuite());
  if (!only || only === 'e2e') suites.push(await e2eSuite());

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const suite of suites) {
    log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped in ${suite.seconds.toFixed(1)} s${suite.note ? ` (${suite.note})` : ''}`);
    passed += suite.passed;
    failed += suite.failed;
    skipped += suite.skipped;
  }
  fs.writeFileSync(path.join(resultsDir, 'summary.json'), `${JSON.stringify({ suites, passed, failed, skipped }, null, 2)}\n`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(error => {
  log(error.stack ?? error.message);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});

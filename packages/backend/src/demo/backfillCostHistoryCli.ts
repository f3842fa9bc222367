/*
 * Command line of the demo's cost backfill, run by scripts/start.js and scripts/test.js
 * (scripts/lib/costHistory.js) after the demo fleet and before the backend start:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs src/demo/backfillCostHistoryCli.ts \
 *     --config ../../app-config.yaml --config … --days 7 --until <the live fleet's clock>
 *
 * It runs in packages/backend with the backend's config files, so the database (Backstage's
 * DatabaseManager: `<directory>/kubeyard.sqlite` for better-sqlite3), the prices, the clusters
 * (`kubernetes.clusterLocatorMethods`) and the catalog files are exactly the backend's.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigSources } from '@backstage/config-loader';
import type { Config } from '@backstage/config';
import { readCostConfig } from '@kubeyard/backstage-plugin-kubeyard-backend';
import { backfillCostHistory } from './backfillCostHistory';
import { catalogFileGroups } from './catalogFileGroups';


function print(message: string) {
  process.stderr.write(`[kubeyard] cost history: ${message}\n`);
}

/** Warnings and errors only: the fleet index's info lines are noise here. */
const logger: LoggerService = {
  error: message => print(message),
  warn: message => print(message),
  info: () => undefined,
  debug: () => undefined,
  child: () => logger,
};

function parseArgs(argv: string[]) {
  const configs: string[] = [];
  let days = 7;
  let until = new Date();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--config') configs.push(value);
    else if (flag === '--days') days = Number(value);
    else if (flag === '--until') until = new Date(value);
    else throw new Error(`unknown option ${flag}`);
  }
  if (!(days >= 0)) throw new Error(`--days needs a number of days ≥ 0, got ${days}`);
  if (Number.isNaN(until.getTime())) throw new Error('--until needs an ISO time');
  return { configs, days, until };
}

/** The names of the clusters configured like @backstage/plugin-kubernetes' config locator. */
function configuredClusters(config: Config): string[] {
  return (config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [])
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => (method.getOptionalConfigArray('clusters') ?? []).map(cluster => cluster.getString('name')));
}

async function main() {
  const started = Date.now();
  const { configs, days, until } = parseArgs(process.argv.slice(2));
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ argv: configs.flatMap(c => ['--config', c]), watch: false }),
  );
  const clusters = configuredClusters(config);
  if (days === 0 || clusters.length === 0) return;
  const database = DatabaseManager.fromConfig(config).forPlugin('kubeyard', {
    logger,
    lifecycle: { addStartupHook: () => undefined, addShutdownHook: () => undefined },
  });
  try {
    const result = await backfillCostHistory({
      database,
      costConfig: readCostConfig(config),
      clusters,
      // The history ends where the live fleet's clock is now (it follows the wall clock), so
      // the backend's collector continues from there without a gap.
      until,
      days,
      groups: catalogFileGroups(config),
      logger,
      onProgress: print,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.alreadyRecorded.length) print(`already recorded for ${result.alreadyRecorded.join(', ')}: the backend's collector continues from there`);
    if (result.clusters.length) print(`${result.from} to ${result.to} of ${result.clusters.join(', ')} recorded in ${seconds} s`);
  } finally {
    await (await database.getClient()).destroy();
    config.close();
  }
}

main().then(
  () => process.exit(0),
  error => {
    print(`failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);

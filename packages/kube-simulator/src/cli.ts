/*
 * The kube-simulator command line: starts a simulator, prints one line per cluster
 * (name, url, token) on stdout, optionally writes a kubeconfig, and runs until SIGINT/SIGTERM.
 */
import { startSimulator, StartSimulatorOptions } from './server/startSimulator';

const USAGE = `Usage: kube-simulator [options]

  --scenario demo|scale|FILE   scenario to serve (default: demo)
  --port N                     port to listen on (default: 6550; 0 picks a free port)
  --host ADDR                  interface to bind (default: 127.0.0.1)
  --kubeconfig-out PATH        write a kubeconfig with one context per cluster
  --clusters N                 scale scenario: number of clusters
  --namespaces N               scale scenario: namespaces per cluster
  --pods N                     scale scenario: pods per cluster
  --seed N                     seed for names, uids and controller decisions (default: 1)
  --realtime [FACTOR]          let simulated time follow the wall clock (x FACTOR, default 1)
  --help                       show this help
`;

/** Parsed command line. */
export interface CliOptions extends StartSimulatorOptions {
  help?: boolean;
}

function integer(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got ${value ?? 'nothing'}`);
  return n;
}

/** Parses argv (without node and script). */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { scenario: 'demo', port: 6550 };
  const scale: NonNullable<StartSimulatorOptions['scaleParams']> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--scenario':
        options.scenario = value() ?? '';
        if (!options.scenario) throw new Error('--scenario needs a value');
        break;
      case '--port':
        options.port = integer(flag, value());
        break;
      case '--host':
        options.host = value();
        break;
      case '--kubeconfig-out':
        options.kubeconfigOut = value();
        break;
      case '--clusters':
        scale.clusters = integer(flag, value());
        break;
      case '--namespaces':
        scale.namespaces = integer(flag, value());
        break;
      case '--pods':
        scale.pods = integer(flag, value());
        break;
      case '--seed':
        options.seed = integer(flag, value());
        break;
      case '--realtime': {
        const next = inline ?? argv[i + 1];
        if (next !== undefined && /^\d+(\.\d+)?$/.test(next)) {
          options.realtime = Number(next);
          if (inline === undefined) i++;
        } else options.realtime = 1;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (Object.keys(scale).length) options.scaleParams = scale;
  return options;
}

/** Runs the CLI; resolves when the simulator has stopped after a signal. */
export async function main(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`kube-simulator: ${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const started = Date.now();
  const sim = await startSimulator(options);
  let printed = 0;
  const printNewClusters = () => {
    for (; printed < sim.clusters.length; printed++) {
      const c = sim.clusters[printed];
      process.stdout.write(`${c.name}\t${c.url}\t${c.token}\n`);
    }
  };
  printNewClusters();
  // vclusters created while running get their line too.
  const watcher = setInterval(printNewClusters, 1000);
  watcher.unref();
  process.stderr.write(`kube-simulator: serving ${sim.clusters.length} cluster(s) at ${sim.url} (started in ${Date.now() - started} ms)\n`);
  if (sim.kubeconfigPath) process.stderr.write(`kube-simulator: kubeconfig written to ${sim.kubeconfigPath}\n`);
  await new Promise<void>(resolve => {
    const shutdown = (signal: string) => {
      process.stderr.write(`kube-simulator: ${signal}, stopping\n`);
      sim.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

/*
 * Reads a scenario from YAML: a file in the Scenario shape, or a directory holding
 * `scenario.yaml` whose `clusters` may name one YAML file per cluster.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { Scenario } from '../types';
import { buildCluster } from './buildCluster';
import { resolveStartTime } from './relativeTime';
import type { ClusterFile, ScenarioFile } from './scenarioFile';
import { ScenarioError, validateScenario } from './validateScenario';

/** Options for loading. */
export interface LoadOptions {
  seed?: number;
  /** The wall-clock time "now" means (for tests). */
  now?: Date;
}

function readYaml(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(what, [
      `cannot read ${file}: ${(err as Error).message}`,
    ]);
  }
  const documents = parseAllDocuments(text);
  const errors = documents.flatMap(doc =>
    doc.errors.map(e => `${file}: ${e.message}`),
  );
  if (errors.length) throw new ScenarioError(what, errors);
  if (documents.length !== 1)
    throw new ScenarioError(what, [
      `${file}: expected one YAML document, found ${documents.length}`,
    ]);
  return parse(text);
}

/** Builds a Scenario from its YAML form; cluster entries that are strings are read relative to `baseDir`. */
export function buildScenario(
  file: ScenarioFile,
  baseDir: string,
  options: LoadOptions = {},
): Scenario {
  const name = file?.name ?? path.basename(baseDir);
  if (!file || typeof file !== 'object')
    throw new ScenarioError(name, ['the scenario must be a YAML mapping']);
  if (!Array.isArray(file.clusters))
    throw new ScenarioError(name, ['clusters must be a list']);
  let startTime: string | undefined;
  try {
    startTime = resolveStartTime(file.startTime, options.now);
  } catch (err) {
    throw new ScenarioError(name, [(err as Error).message]);
  }
  const start = new Date(
    startTime ?? (options.now ?? new Date()).toISOString(),
  );
  const problems: string[] = [];
  const clusters = file.clusters.flatMap((entry, i) => {
    const clusterFile =
      typeof entry === 'string'
        ? (readYaml(path.resolve(baseDir, entry), name) as ClusterFile)
        : entry;
    if (!clusterFile || typeof clusterFile !== 'object' || !clusterFile.name) {
      problems.push(
        `cluster ${i}${
          typeof entry === 'string' ? ` (${entry})` : ''
        }: name is required`,
      );
      return [];
    }
    try {
      return [buildCluster(clusterFile, { start, seed: options.seed ?? 1 })];
    } catch (err) {
      problems.push((err as Error).message);
      return [];
    }
  });
  if (problems.length) throw new ScenarioError(name, problems);
  const scenario: Scenario = { name, clusters };
  if (startTime) scenario.startTime = startTime;
  return validateScenario(scenario);
}

/** Loads a scenario from a YAML file or a directory with scenario.yaml. */
export function loadScenarioFile(
  location: string,
  options: LoadOptions = {},
): Scenario {
  const resolved = path.resolve(location);
  const file =
    fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()
      ? path.join(resolved, 'scenario.yaml')
      : resolved;
  const parsed = readYaml(file, path.basename(location)) as ScenarioFile;
  return buildScenario(parsed, path.dirname(file), options);
}

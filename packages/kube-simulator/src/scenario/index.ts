/*
 * Scenarios: `loadScenario('demo' | 'scale' | <path>)` for startSimulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../types';
import { loadScenarioFile } from './loadScenarioFile';
import { scaleScenario } from './scaleScenario';

export {
  ScenarioError,
  scenarioProblems,
  validateScenario,
} from './validateScenario';
export { buildScenario, loadScenarioFile } from './loadScenarioFile';
export { scaleScenario, type ScaleParams } from './scaleScenario';
export { encodeEntityRef } from './expandTenants';
export type {
  ScenarioFile,
  ClusterFile,
  NodeSpec,
  TenantSpec,
  BackupHistorySpec,
} from './scenarioFile';

/** Parameters of `loadScenario`; clusters, namespaces and pods apply to 'scale'. */
export interface ScenarioParams {
  clusters?: number;
  namespaces?: number;
  pods?: number;
  seed?: number;
  /**
   * The wall-clock time a file scenario's `startTime: now` (and its "@start…" times) stand
   * for; default: the current time. The demo's cost backfill starts the demo days earlier.
   */
  now?: Date;
}

/** The directory holding the bundled scenarios (packages/kube-simulator/scenarios), from src/ or dist/. */
export function scenariosDirectory(): string {
  // The package runs from src/ (the CLI, tests) and from dist/; both sit below the package root.
  // eslint-disable-next-line no-restricted-syntax
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'scenarios');
    if (fs.existsSync(path.join(candidate, 'demo', 'scenario.yaml')))
      return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(
    // eslint-disable-next-line no-restricted-syntax
    `cannot find the bundled scenarios directory above ${__dirname}`,
  );
}

/** Loads the built-in 'demo' or 'scale' scenario, or a YAML file / directory at a path. */
export function loadScenario(
  nameOrPath: string,
  params: ScenarioParams = {},
): Scenario {
  if (nameOrPath === 'scale') return scaleScenario(params);
  if (nameOrPath === 'demo')
    return loadScenarioFile(path.join(scenariosDirectory(), 'demo'), {
      seed: params.seed,
      now: params.now,
    });
  return loadScenarioFile(nameOrPath, { seed: params.seed, now: params.now });
}

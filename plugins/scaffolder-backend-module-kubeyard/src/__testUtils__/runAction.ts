/*
 * Runs a template action the way the scaffolder's workflow runner does: the input is checked
 * against the action's JSON schema first, then the handler gets a context whose logger and
 * outputs the test can read. (@backstage/plugin-scaffolder-node-test-utils is not in this
 * repository's lockfile, hence this small stand-in for its createMockActionContext.)
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { validate } from 'jsonschema';

/** One line of the task log. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

/** What an action run left behind. */
export interface ActionRun {
  logs: LogLine[];
  outputs: Record<string, unknown>;
}

/** Options of runAction. */
export interface RunActionOptions {
  isDryRun?: boolean;
  /** The task initiator (default user:default/alice). */
  user?: string;
  signal?: AbortSignal;
  /** Where to collect the log and outputs; pass one to read them after a failure. */
  run?: ActionRun;
}

/** Runs `action` with `input`; resolves with the log and outputs, rejects with the handler's error. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  options: RunActionOptions = {},
): Promise<ActionRun> {
  const run = options.run ?? { logs: [], outputs: {} };
  if (action.schema?.input) {
    const result = validate(input, action.schema.input);
    if (!result.valid) throw new InputError(`Invalid input passed to action ${action.id}, ${result.errors.join(', ')}`);
  }
  const log = (level: LogLine['level']) => (message: string) => {
    run.logs.push({ level, message });
  };
  const logger: LoggerService = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: () => logger,
  };
  await action.handler({
    input,
    logger,
    workspacePath: tmpdir(),
    secrets: {},
    task: { id: 'task-1' },
    isDryRun: options.isDryRun ?? false,
    signal: options.signal,
    output: (name: string, value: unknown) => {
      run.outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
    createTemporaryDirectory: () => mkdtemp(join(tmpdir(), 'kubeyard-action-')),
    getInitiatorCredentials: async () => mockCredentials.user(options.user ?? 'user:default/alice'),
  } as any);
  return run;
}

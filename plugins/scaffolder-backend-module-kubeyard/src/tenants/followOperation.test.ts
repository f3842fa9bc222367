import type { OperationStep, TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { followOperation } from './followOperation';

const NS = '/Namespace//payments';
const QUOTA = '/ResourceQuota/payments/tenant-quota';

function operation(status: TenantOperation['status'], steps: Array<[string, string, OperationStep['status'], string?]>, error?: string): TenantOperation {
  return {
    id: 'op-7',
    tenant: 'payments',
    kind: 'apply',
    status,
    initiator: 'user:default/alice',
    startedAt: '2025-01-01T00:00:00Z',
    error,
    steps: steps.map(([cluster, object, stepStatus, stepError]) => ({
      cluster,
      object,
      action: 'create' as const,
      status: stepStatus,
      ...(stepError ? { error: stepError } : {}),
    })),
  };
}

function recordingLogger() {
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
    debug: () => {},
    child: () => logger,
  };
  return { logger, lines };
}

describe('followOperation', () => {
  it('logs transitions only, including states skipped between polls', async () => {
    const polls = [
      operation('running', [['eu', NS, 'running'], ['eu', QUOTA, 'pending']]),
      operation('running', [['eu', NS, 'running'], ['eu', QUOTA, 'pending']]),
      operation('succeeded', [['eu', NS, 'done'], ['eu', QUOTA, 'done']]),
    ];
    const getOperation = jest.fn(async () => polls.shift()!);
    const { logger, lines } = recordingLogger();
    const first = operation('running', [['eu', NS, 'pending'], ['eu', QUOTA, 'pending']]);

    const final = await followOperation({ getOperation }, first, logger, { intervalMs: 1, timeoutMs: 10_000 });

    expect(final.status).toBe('succeeded');
    expect(getOperation).toHaveBeenCalledWith('payments', 'op-7');
    expect(lines).toEqual([
      'info Operation op-7: 2 steps on 1 cluster(s)',
      'info [eu] create Namespace payments: running',
      'info [eu] create Namespace payments: done',
      'info [eu] create ResourceQuota payments/tenant-quota: done',
    ]);
  });

  it('logs failures with their error and compensation as warnings', async () => {
    const getOperation = jest.fn(async () =>
      operation('compensated', [['eu', NS, 'compensated'], ['eu', QUOTA, 'failed', 'forbidden']], 'forbidden'),
    );
    const { logger, lines } = recordingLogger();
    const final = await followOperation({ getOperation }, operation('running', [['eu', NS, 'done'], ['eu', QUOTA, 'running']]), logger, {
      intervalMs: 1,
      timeoutMs: 10_000,
    });
    expect(final.error).toBe('forbidden');
    expect(lines.slice(3)).toEqual([
      'warn [eu] create Namespace payments: compensated',
      'error [eu] create ResourceQuota payments/tenant-quota: failed: forbidden',
    ]);
  });

  it('gives up after the timeout, saying the operation carries on', async () => {
    const running = operation('running', [['eu', NS, 'running']]);
    const { logger } = recordingLogger();
    await expect(
      followOperation({ getOperation: async () => running }, running, logger, { intervalMs: 5, timeoutMs: 20 }),
    ).rejects.toThrow('operation op-7 on tenant payments is still running after 0 minutes; it carries on in kubeyard-backend');
  });

  it('returns at once for an operation that already ended', async () => {
    const getOperation = jest.fn();
    const { logger } = recordingLogger();
    const done = operation('succeeded', [['eu', NS, 'done']]);
    await expect(followOperation({ getOperation }, done, logger, { intervalMs: 1, timeoutMs: 10 })).resolves.toBe(done);
    expect(getOperation).not.toHaveBeenCalled();
  });
});

/*
 * Runs tenant operations: takes the tenant's lock, records the operation and its steps, runs
 * it (planTenant, applyTenant, verifyTenant, decommissionTenant do the work), and records
 * what the clusters hold afterwards. Operations that callers do not wait for keep running in
 * the background; on shutdown they are stopped at their next step and left `failed` with
 * their steps, for a rerun to complete.
 */
import { ConflictError } from '@backstage/errors';
import {
  tenantNamespace,
  type TenantOperation,
  type TenantOperationKind,
  type TenantPlan,
  type TenantSpec,
  type VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { applyTenant, type ApplyOutcome } from './applyTenant';
import { describeKubeError } from './clusterClient';
import { mayHaveWritten } from './compensate';
import { buildDecommissionSteps, decommissionTenant } from './decommissionTenant';
import { readLiveState, type LiveState } from './liveState';
import { buildApplySteps, StepRecorder, type ApplySteps, type ExecStep } from './operationSteps';
import { planTenant } from './planTenant';
import type { TenantClusterRecord, TenantRecord } from './TenantRegistry';
import type { TenantOperationContext } from './types';
import { verifyTenant } from './verifyTenant';

/** Options of an operation a caller starts. */
export interface StartOptions {
  initiator: string;
  /** Wait for the end (default), or return as soon as the steps are recorded. */
  wait?: boolean;
}

/** Runs and records tenant operations. */
export class TenantLifecycle {
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly ctx: TenantOperationContext) {}

  /** What applying `spec` would change, per cluster and object. Writes nothing. */
  async plan(spec: TenantSpec): Promise<TenantPlan> {
    const existing = await this.ctx.registry.getTenant(spec.name);
    return planTenant(this.ctx.clients, spec, existing?.spec);
  }

  /** Applies a spec: creates the tenant, or changes it to match. */
  async apply(spec: TenantSpec, options: StartOptions): Promise<TenantOperation> {
    const { registry } = this.ctx;
    const kind: TenantOperationKind = (await registry.getTenant(spec.name)) ? 'update' : 'apply';
    const { id, startedAt } = await registry.startOperation({ tenant: spec.name, kind, initiator: options.initiator, spec }, this.ctx.options.lockTimeoutMs);
    const stopHeartbeat = this.heartbeat(spec.name, id);
    const auditId = await registry.audit({ actor: options.initiator, action: kind, tenant: spec.name, operationId: id, outcome: 'running' });
    const recorder = new StepRecorder(registry, id, spec.name);
    try {
      // Read again under the lock: another backend may have changed the tenant meanwhile.
      const existing = await registry.getTenant(spec.name);
      if (existing?.status === 'Terminating') {
        throw new ConflictError(`tenant ${spec.name} is being decommissioned; delete it again to finish, then create it anew`);
      }
      if (!existing) await registry.putTenant(spec, 'Pending', startedAt);
      const clusterRecords = await registry.clusterStates(spec.name);
      const leaving = [
        ...new Set([
          ...(existing?.spec.clusters ?? []),
          ...clusterRecords.filter(r => r.state !== 'absent').map(r => r.cluster),
        ]),
      ].filter(cluster => !spec.clusters.includes(cluster));
      const reads = await this.readClusters(tenantNamespace(spec), [...spec.clusters, ...leaving]);
      const unreadable = [...reads].filter(([, read]) => 'error' in read);
      if (unreadable.length > 0) {
        const steps = unreadable.map(([cluster, read], seq): ExecStep => ({
          seq,
          cluster,
          key: `/Namespace//${tenantNamespace(spec)}`,
          action: 'unchanged',
          status: 'failed',
          error: `cannot read the cluster: ${(read as { error: string }).error}`,
          manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: tenantNamespace(spec) } },
        }));
        await recorder.record(steps);
        const error = `${unreadable.map(([cluster, read]) => `${cluster}: ${(read as { error: string }).error}`).join('; ')}; nothing was changed`;
        await registry.putTenant(existing?.spec ?? spec, 'Failed', startedAt);
        await registry.finishOperation(id, 'failed', { error });
        await registry.finishAudit(auditId, 'failed', error);
        stopHeartbeat();
        return (await registry.getOperation(spec.name, id))!;
      }
      const live = new Map<string, LiveState>();
      const leavingLive = new Map<string, LiveState>();
      for (const [cluster, read] of reads) (leaving.includes(cluster) ? leavingLive : live).set(cluster, read as LiveState);
      const steps = buildApplySteps(spec, live, leavingLive);
      await recorder.record([...steps.apply, ...steps.remove]);
      const work = this.track(id, stopHeartbeat, async () => {
        const outcome = await applyTenant(this.ctx, steps, recorder, this.stopping.signal);
        await this.recordApplyOutcome(spec, existing, clusterRecords, steps, outcome, id, startedAt);
        await registry.finishOperation(id, outcome.status, { error: outcome.error });
        await registry.finishAudit(auditId, outcome.status, outcome.error);
        this.ctx.onTenantChanged?.(spec.name);
      });
      if (options.wait !== false) await work;
      return (await registry.getOperation(spec.name, id))!;
    } catch (error) {
      stopHeartbeat();
      await this.abandon(id, auditId, error);
      throw error;
    }
  }

  /** Verifies a tenant's isolation on each of its clusters and records the report. */
  async verify(record: TenantRecord, options: StartOptions): Promise<VerifyReport> {
    const { registry } = this.ctx;
    const { id } = await registry.startOperation({ tenant: record.name, kind: 'verify', initiator: options.initiator, spec: record.spec }, this.ctx.options.lockTimeoutMs);
    const stopHeartbeat = this.heartbeat(record.name, id);
    const auditId = await registry.audit({ actor: options.initiator, action: 'verify', tenant: record.name, operationId: id, outcome: 'running' });
    try {
      const startedAt = new Date().toISOString();
      const checks = await verifyTenant(this.ctx.clients, record.spec);
      const failed = checks.filter(c => !c.pass);
      const report: VerifyReport = { tenant: record.name, startedAt, finishedAt: new Date().toISOString(), passed: checks.length - failed.length, failed: failed.length, checks };
      await registry.addSteps(
        id,
        record.spec.clusters.map(cluster => {
          const bad = failed.filter(c => c.cluster === cluster);
          return {
            cluster,
            object: `/Namespace//${tenantNamespace(record.spec)}`,
            action: 'unchanged' as const,
            status: bad.length === 0 ? ('done' as const) : ('failed' as const),
            error: bad.length === 0 ? undefined : `${bad.length} check(s) failed: ${bad.slice(0, 5).map(c => c.name).join('; ')}`,
          };
        }),
      );
      const error = failed.length > 0 ? `${failed.length} of ${checks.length} checks failed` : undefined;
      await registry.finishOperation(id, failed.length > 0 ? 'failed' : 'succeeded', { error, result: report });
      await registry.finishAudit(auditId, failed.length > 0 ? 'failed' : 'succeeded', error);
      return { ...report, operationId: id };
    } catch (error) {
      await this.abandon(id, auditId, error);
      throw error;
    } finally {
      stopHeartbeat();
    }
  }

  /** Deletes the tenant's namespace everywhere and forgets the tenant once they are gone. */
  async decommission(record: TenantRecord, options: StartOptions): Promise<TenantOperation> {
    const { registry } = this.ctx;
    const { id } = await registry.startOperation({ tenant: record.name, kind: 'decommission', initiator: options.initiator, spec: record.spec }, this.ctx.options.lockTimeoutMs);
    const stopHeartbeat = this.heartbeat(record.name, id);
    const auditId = await registry.audit({ actor: options.initiator, action: 'decommission', tenant: record.name, operationId: id, outcome: 'running' });
    const recorder = new StepRecorder(registry, id, record.name);
    try {
      await registry.setTenantStatus(record.name, 'Terminating');
      const clusterRecords = await registry.clusterStates(record.name);
      const clusters = [...new Set([...record.spec.clusters, ...clusterRecords.filter(r => r.state !== 'absent').map(r => r.cluster)])];
      const steps = await buildDecommissionSteps(this.ctx, record.spec, clusters);
      await recorder.record(steps);
      for (const cluster of clusters) await registry.setClusterState(record.name, cluster, 'removing', { operationId: id });
      const work = this.track(id, stopHeartbeat, async () => {
        const result = await decommissionTenant(this.ctx, steps, recorder, this.stopping.signal);
        if (result.ok) {
          await registry.removeTenant(record.name);
          await registry.finishOperation(id, 'succeeded');
          await registry.finishAudit(auditId, 'succeeded');
          this.ctx.onTenantChanged?.(record.name);
          return;
        }
        for (const step of steps) {
          if (step.status === 'done') await registry.removeClusterState(record.name, step.cluster);
          else await registry.setClusterState(record.name, step.cluster, 'removing', { operationId: id, error: step.error });
        }
        await registry.finishOperation(id, 'failed', { error: result.error });
        await registry.finishAudit(auditId, 'failed', result.error);
        this.ctx.onTenantChanged?.(record.name);
      });
      if (options.wait !== false) await work;
      return (await registry.getOperation(record.name, id))!;
    } catch (error) {
      stopHeartbeat();
      await this.abandon(id, auditId, error);
      throw error;
    }
  }

  /** Stops running operations at their next step and waits (at most `timeoutMs`) for them to record it. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /**
   * Renews the operation's lock while it runs, four times per lock timeout, so a long
   * operation (a slow cluster, a namespace that takes its time to go) is never taken for
   * abandoned; the heartbeat stops with the operation, or with the process.
   */
  private heartbeat(tenant: string, id: string): () => void {
    const timer = setInterval(() => {
      this.ctx.registry.renewLock(tenant, id).catch(error => this.ctx.logger.warn(`tenant ${tenant}: renewing the lock of ${id} failed: ${error}`));
    }, Math.max(50, Math.floor(this.ctx.options.lockTimeoutMs / 4)));
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private track(id: string, done: () => void, run: () => Promise<void>): Promise<void> {
    const work = run()
      .catch(async error => {
        this.ctx.logger.error(`tenant operation ${id} failed unexpectedly: ${error}`);
        await this.ctx.registry.finishOperation(id, 'failed', { error: `internal error: ${error}` }).catch(() => undefined);
      })
      .finally(done);
    this.running.set(id, work);
    void work.finally(() => this.running.delete(id));
    return work;
  }

  private async abandon(id: string, auditId: number, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    this.ctx.logger.error(`tenant operation ${id} could not run: ${text}`);
    await this.ctx.registry.finishOperation(id, 'failed', { error: text }).catch(() => undefined);
    await this.ctx.registry.finishAudit(auditId, 'failed', text).catch(() => undefined);
  }

  private async readClusters(namespace: string, clusters: string[]): Promise<Map<string, LiveState | { error: string }>> {
    const reads = await Promise.all(
      clusters.map(async (cluster): Promise<[string, LiveState | { error: string }]> => {
        const client = this.ctx.clients.for(cluster);
        if (!client) return [cluster, { error: `cluster ${cluster} is not configured` }];
        try {
          return [cluster, await readLiveState(client, namespace)];
        } catch (error) {
          return [cluster, { error: describeKubeError(error) }];
        }
      }),
    );
    return new Map(reads);
  }

  /** Makes the registry say what the clusters hold after an apply. */
  private async recordApplyOutcome(
    spec: TenantSpec,
    existing: TenantRecord | undefined,
    before: TenantClusterRecord[],
    steps: ApplySteps,
    outcome: ApplyOutcome,
    operationId: string,
    createdAt: Date,
  ): Promise<void> {
    const { registry } = this.ctx;
    const clusters = [...new Set([...steps.apply, ...steps.remove].map(s => s.cluster).concat(spec.clusters))];
    if (outcome.status === 'succeeded') {
      await registry.putTenant(spec, 'Active', createdAt);
      for (const cluster of clusters) {
        if (spec.clusters.includes(cluster)) await registry.setClusterState(spec.name, cluster, 'present', { operationId });
        else await registry.removeClusterState(spec.name, cluster);
      }
      return;
    }
    // Compensated: every cluster is as it was, so is the spec the tenant stands for.
    if (outcome.status === 'compensated') {
      await registry.putTenant(existing?.spec ?? spec, 'Failed', createdAt);
      for (const cluster of clusters) {
        if (!before.some(r => r.cluster === cluster)) await registry.setClusterState(spec.name, cluster, 'absent', { operationId });
      }
      return;
    }
    // Failed and not (fully) undone: the tenant is converging to `spec`; clusters with writes
    // left in place are partial until an apply completes them.
    await registry.putTenant(spec, 'Failed', createdAt);
    const compensationError = new Map((outcome.compensation?.failures ?? []).map(f => [f.cluster, f.error]));
    for (const cluster of clusters) {
      const applied = steps.apply.filter(s => s.cluster === cluster);
      const removed = steps.remove.filter(s => s.cluster === cluster);
      const failedStep = [...applied, ...removed].find(s => s.status === 'failed');
      const error = [failedStep?.error, compensationError.get(cluster)].filter(Boolean).join('; ') || undefined;
      if (!spec.clusters.includes(cluster)) {
        if (removed.every(s => s.status === 'done')) await registry.removeClusterState(spec.name, cluster);
        else await registry.setClusterState(spec.name, cluster, 'removing', { operationId, error });
        continue;
      }
      const leftBehind = applied.some(s => mayHaveWritten(s)) || removed.some(s => s.status !== 'done');
      const complete = applied.length > 0 && applied.every(s => s.status === 'done') && removed.every(s => s.status === 'done');
      if (complete) await registry.setClusterState(spec.name, cluster, 'present', { operationId });
      else if (leftBehind) await registry.setClusterState(spec.name, cluster, 'partial', { operationId, error });
      else if (!before.some(r => r.cluster === cluster)) await registry.setClusterState(spec.name, cluster, 'absent', { operationId, error });
    }
  }
}

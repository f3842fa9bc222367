/*
 * The tenant registry: specs, per-cluster state, operations with their steps, locks and audit
 * rows, in the plugin's database (SQLite or PostgreSQL through knex).
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  ObjectAction,
  OperationStep,
  TenantOperation,
  TenantOperationKind,
  TenantSpec,
  TenantSummary,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../database/isUniqueViolation';
import { migrateTenantRegistry } from './migrations';

/** A tenant's lifecycle status in the registry. */
export type TenantStatus = TenantSummary['status'];

/** What the registry knows is on one cluster. */
export type ClusterState = 'absent' | 'present' | 'partial' | 'removing';

/** A tenant row. */
export interface TenantRecord {
  name: string;
  spec: TenantSpec;
  owner: string;
  status: TenantStatus;
  createdAt: string;
  updatedAt: string;
}

/** A tenant's state on one cluster. */
export interface TenantClusterRecord {
  tenant: string;
  cluster: string;
  state: ClusterState;
  operationId?: string;
  error?: string;
  updatedAt: string;
}

/** A step to record. */
export interface NewStep {
  /** Position within the operation; default: after the steps already recorded. */
  seq?: number;
  cluster: string;
  object: string;
  action: ObjectAction;
  status?: OperationStep['status'];
  error?: string;
}

/** An audit row. */
export interface AuditRecord {
  actor: string;
  action: string;
  tenant: string;
  operationId?: string;
  outcome: string;
  detail?: string;
  createdAt: string;
  finishedAt?: string;
}

/** Timestamps come back as Date (PostgreSQL), numbers or strings (SQLite). */
function iso(value: unknown): string {
  return new Date(value as string | number | Date).toISOString();
}

function optionalIso(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : iso(value);
}

function optional<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** The tenant registry. */
export class TenantRegistry {
  /** Connects to the plugin database and brings the tables up to date (unless skipped). */
  static async create(database: DatabaseService): Promise<TenantRegistry> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await migrateTenantRegistry(knex);
    return new TenantRegistry(knex);
  }

  constructor(private readonly db: Knex) {}

  // ── tenants ──────────────────────────────────────────────────────────────────────────

  async getTenant(name: string): Promise<TenantRecord | undefined> {
    const row = await this.db('tenants').where({ name }).first();
    return row ? this.toTenant(row) : undefined;
  }

  async listTenants(): Promise<TenantRecord[]> {
    const rows = await this.db('tenants').orderBy('name');
    return rows.map(row => this.toTenant(row));
  }

  /**
   * Inserts or replaces a tenant's spec and status. A new tenant's history starts at
   * `createdAt` (the start of its first operation).
   */
  async putTenant(spec: TenantSpec, status: TenantStatus, createdAt: Date = new Date()): Promise<void> {
    const values = { spec: JSON.stringify(spec), owner: spec.owner, status, updated_at: new Date() };
    const updated = await this.db('tenants').where({ name: spec.name }).update(values);
    if (updated === 0) await this.db('tenants').insert({ name: spec.name, ...values, created_at: createdAt });
  }

  async setTenantStatus(name: string, status: TenantStatus): Promise<void> {
    await this.db('tenants').where({ name }).update({ status, updated_at: new Date() });
  }

  /** Forgets a tenant and its cluster states; its operations and audit rows stay. */
  async removeTenant(name: string): Promise<void> {
    await this.db.transaction(async trx => {
      await trx('tenant_clusters').where({ tenant: name }).delete();
      await trx('tenants').where({ name }).delete();
    });
  }

  // ── per-cluster state ────────────────────────────────────────────────────────────────

  async clusterStates(tenant?: string): Promise<TenantClusterRecord[]> {
    const query = this.db('tenant_clusters').orderBy(['tenant', 'cluster']);
    if (tenant) query.where({ tenant });
    const rows = await query;
    return rows.map(row => ({
      tenant: row.tenant,
      cluster: row.cluster,
      state: row.state,
      operationId: optional(row.operation_id),
      error: optional(row.error),
      updatedAt: iso(row.updated_at),
    }));
  }

  async setClusterState(tenant: string, cluster: string, state: ClusterState, options: { operationId?: string; error?: string } = {}): Promise<void> {
    const values = { state, operation_id: options.operationId ?? null, error: options.error ?? null, updated_at: new Date() };
    const updated = await this.db('tenant_clusters').where({ tenant, cluster }).update(values);
    if (updated === 0) await this.db('tenant_clusters').insert({ tenant, cluster, ...values });
  }

  async removeClusterState(tenant: string, cluster: string): Promise<void> {
    await this.db('tenant_clusters').where({ tenant, cluster }).delete();
  }

  // ── operations and the per-tenant lock ───────────────────────────────────────────────

  /**
   * Starts an operation, holding the tenant's lock: a row keyed by the tenant, so two
   * backends that race both try the same primary key and one of them fails. A lock whose
   * heartbeat is older than `staleAfterMs` belongs to an operation whose backend is gone:
   * it is taken over and that operation marked failed. Throws ConflictError otherwise.
   */
  async startOperation(
    options: { tenant: string; kind: TenantOperationKind; initiator: string; spec?: TenantSpec },
    staleAfterMs: number,
  ): Promise<{ id: string; startedAt: Date }> {
    const id = randomUUID();
    const now = new Date();
    try {
      await this.db.transaction(async trx => {
        const lock = await trx('tenant_locks').where({ tenant: options.tenant }).first();
        if (lock) {
          const renewed = new Date(iso(lock.renewed_at));
          const holder = await trx('tenant_operations').where({ id: lock.operation_id }).first();
          const who = holder ? `${holder.kind} operation ${holder.id} by ${holder.initiator}, started ${iso(holder.started_at)}` : `operation ${lock.operation_id}`;
          if (now.getTime() - renewed.getTime() < staleAfterMs) {
            throw new ConflictError(`tenant ${options.tenant} is busy: ${who} is still running; try again when it has finished`);
          }
          await trx('tenant_locks').where({ tenant: options.tenant, operation_id: lock.operation_id }).delete();
          await trx('tenant_operations')
            .where({ id: lock.operation_id, status: 'running' })
            .update({
              status: 'failed',
              error: `abandoned: no progress since ${renewed.toISOString()} (its backend stopped); ${id} took over`,
              finished_at: now,
            });
        }
        await trx('tenant_locks').insert({ tenant: options.tenant, operation_id: id, acquired_at: now, renewed_at: now });
        await trx('tenant_operations').insert({
          id,
          tenant: options.tenant,
          kind: options.kind,
          status: 'running',
          initiator: options.initiator,
          spec: options.spec ? JSON.stringify(options.spec) : null,
          started_at: now,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`tenant ${options.tenant} is busy: another operation started at the same moment; try again when it has finished`);
      }
      throw error;
    }
    return { id, startedAt: now };
  }

  /** The heartbeat of a running operation's lock. */
  async renewLock(tenant: string, operationId: string): Promise<void> {
    await this.db('tenant_locks').where({ tenant, operation_id: operationId }).update({ renewed_at: new Date() });
  }

  /** Records the outcome of an operation and releases its lock. */
  async finishOperation(
    id: string,
    status: Exclude<TenantOperation['status'], 'running'>,
    options: { error?: string; result?: unknown } = {},
  ): Promise<void> {
    await this.db.transaction(async trx => {
      const op = await trx('tenant_operations').where({ id }).first();
      await trx('tenant_operations')
        .where({ id })
        .update({
          status,
          error: options.error ?? null,
          result: options.result === undefined ? null : JSON.stringify(options.result),
          finished_at: new Date(),
        });
      if (op) await trx('tenant_locks').where({ tenant: op.tenant, operation_id: id }).delete();
    });
  }

  /** Appends steps to an operation (numbered in order) and returns their numbers. */
  async addSteps(operationId: string, steps: NewStep[]): Promise<number[]> {
    const last = await this.db('tenant_operation_steps').where({ operation_id: operationId }).max({ seq: 'seq' }).first();
    const start = Number(last?.seq ?? -1) + 1;
    const rows = steps.map((step, index) => ({
      operation_id: operationId,
      seq: step.seq ?? start + index,
      cluster: step.cluster,
      object_key: step.object,
      action: step.action,
      status: step.status ?? 'pending',
      error: step.error ?? null,
    }));
    if (rows.length > 0) await this.db.batchInsert('tenant_operation_steps', rows, 50);
    return rows.map(row => row.seq);
  }

  async updateStep(
    operationId: string,
    seq: number,
    change: { status?: OperationStep['status']; action?: ObjectAction; error?: string | null; started?: boolean; finished?: boolean },
  ): Promise<void> {
    const values: Record<string, unknown> = {};
    if (change.status) values.status = change.status;
    if (change.action) values.action = change.action;
    if (change.error !== undefined) values.error = change.error;
    if (change.started) values.started_at = new Date();
    if (change.finished) values.finished_at = new Date();
    await this.db('tenant_operation_steps').where({ operation_id: operationId, seq }).update(values);
  }

  async getOperation(tenant: string, id: string): Promise<TenantOperation | undefined> {
    const row = await this.db('tenant_operations').where({ tenant, id }).first();
    if (!row) return undefined;
    const [operation] = await this.withSteps([row]);
    return operation;
  }

  /** The spec an operation worked on. */
  async operationSpec(id: string): Promise<TenantSpec | undefined> {
    const row = await this.db('tenant_operations').where({ id }).select('spec').first();
    return row?.spec ? JSON.parse(row.spec) : undefined;
  }

  /** The operation's stored result (the verify report), if any. */
  async operationResult(id: string): Promise<unknown> {
    const row = await this.db('tenant_operations').where({ id }).select('result').first();
    return row?.result ? JSON.parse(row.result) : undefined;
  }

  /** A tenant's operations since `since` (a tenant created again does not inherit old history), newest first. */
  async listOperations(tenant: string, options: { since?: string; limit?: number } = {}): Promise<TenantOperation[]> {
    const query = this.db('tenant_operations').where({ tenant }).orderBy('started_at', 'desc').limit(options.limit ?? 20);
    if (options.since) query.where('started_at', '>=', new Date(options.since));
    return this.withSteps(await query);
  }

  private async withSteps(rows: any[]): Promise<TenantOperation[]> {
    const ids = rows.map(row => row.id);
    const steps = ids.length > 0 ? await this.db('tenant_operation_steps').whereIn('operation_id', ids).orderBy(['operation_id', 'seq']) : [];
    return rows.map(row => ({
      id: row.id,
      tenant: row.tenant,
      kind: row.kind,
      status: row.status,
      initiator: row.initiator,
      startedAt: iso(row.started_at),
      finishedAt: optionalIso(row.finished_at),
      error: optional(row.error),
      steps: steps
        .filter(step => step.operation_id === row.id)
        .map(step => ({
          cluster: step.cluster,
          object: step.object_key,
          action: step.action,
          status: step.status,
          error: optional(step.error),
          startedAt: optionalIso(step.started_at),
          finishedAt: optionalIso(step.finished_at),
        })),
    }));
  }

  // ── audit ────────────────────────────────────────────────────────────────────────────

  /** Records who started what; returns the row id for {@link finishAudit}. */
  async audit(entry: { actor: string; action: string; tenant: string; operationId?: string; outcome: string; detail?: string }): Promise<number> {
    const [row] = await this.db('tenant_audit')
      .insert({
        actor: entry.actor,
        action: entry.action,
        tenant: entry.tenant,
        operation_id: entry.operationId ?? null,
        outcome: entry.outcome,
        detail: entry.detail ?? null,
        created_at: new Date(),
      })
      .returning('id');
    return typeof row === 'object' ? row.id : row;
  }

  async finishAudit(id: number, outcome: string, detail?: string): Promise<void> {
    const values: Record<string, unknown> = { outcome, finished_at: new Date() };
    if (detail !== undefined) values.detail = detail;
    await this.db('tenant_audit').where({ id }).update(values);
  }

  async listAudit(tenant: string): Promise<AuditRecord[]> {
    const rows = await this.db('tenant_audit').where({ tenant }).orderBy('id');
    return rows.map(row => ({
      actor: row.actor,
      action: row.action,
      tenant: row.tenant,
      operationId: optional(row.operation_id),
      outcome: row.outcome,
      detail: optional(row.detail),
      createdAt: iso(row.created_at),
      finishedAt: optionalIso(row.finished_at),
    }));
  }

  private toTenant(row: any): TenantRecord {
    return {
      name: row.name,
      spec: JSON.parse(row.spec),
      owner: row.owner,
      status: row.status,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }
}

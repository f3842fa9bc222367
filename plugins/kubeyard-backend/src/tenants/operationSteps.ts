/*
 * The steps of an apply: one per object per cluster, in the order they run, with what the
 * cluster held before (needed to undo them). Kept in memory while the operation runs and
 * mirrored to the registry after every change, so GET /tenants/:name/operations/:id shows
 * progress and a rerun after a crash can see what exists.
 */
import {
  manifestKey,
  renderTenant,
  type KubeManifest,
  type ObjectAction,
  type OperationStep,
  type TenantSpec,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import { belongsToTenant, staleObjects, type LiveState } from './liveState';
import type { TenantRegistry } from './TenantRegistry';

/** One object on one cluster within a running operation. */
export interface ExecStep {
  seq: number;
  cluster: string;
  key: string;
  /** Provisional until the write answers: create (absent before) or update; then update or unchanged. */
  action: ObjectAction;
  status: OperationStep['status'];
  /** What to apply (create/update) or what to delete. */
  manifest: KubeManifest | KubeObject;
  /** The live object before this operation (update and delete). */
  live?: KubeObject;
  error?: string;
  /** The write may have happened though no answer said so: compensation treats it as done. */
  uncertain?: boolean;
}

/** The steps of an apply: writes first, then deletions (which cannot be undone). */
export interface ApplySteps {
  apply: ExecStep[];
  remove: ExecStep[];
}

/**
 * Builds the steps that take each cluster from `live` to `spec`: every rendered object in
 * dependency order; objects of the tenant no longer rendered; and on clusters the tenant
 * leaves (`leaving`), its namespace, which holds everything else.
 */
export function buildApplySteps(spec: TenantSpec, live: Map<string, LiveState>, leaving: Map<string, LiveState>): ApplySteps {
  const apply: Array<Omit<ExecStep, 'seq'>> = [];
  const remove: Array<Omit<ExecStep, 'seq'>> = [];
  for (const cluster of spec.clusters) {
    const state = live.get(cluster) ?? { objects: new Map() };
    const rendered = renderTenant(spec, { clusterName: cluster });
    for (const manifest of rendered) {
      const key = manifestKey(manifest);
      const before = state.objects.get(key);
      apply.push({ cluster, key, action: before ? 'update' : 'create', status: 'pending', manifest, live: before });
    }
    for (const stale of staleObjects(state, rendered, spec.name)) {
      remove.push({ cluster, key: keyOf(stale), action: 'delete', status: 'pending', manifest: stale, live: stale });
    }
  }
  for (const [cluster, state] of leaving) {
    // Only a namespace this tenant's labels claim: never someone else's namespace of that name.
    if (state.namespace && belongsToTenant(state.namespace, spec.name)) {
      remove.push({ cluster, key: keyOf(state.namespace), action: 'delete', status: 'pending', manifest: state.namespace, live: state.namespace });
    }
  }
  let seq = 0;
  return {
    apply: apply.map(step => ({ ...step, seq: seq++ })),
    remove: remove.map(step => ({ ...step, seq: seq++ })),
  };
}

function keyOf(obj: KubeObject): string {
  return manifestKey({
    apiVersion: obj.apiVersion ?? 'v1',
    kind: obj.kind ?? '',
    metadata: { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace },
  });
}

/** Keeps the in-memory steps and the registry's copy in step. */
export class StepRecorder {
  constructor(
    private readonly registry: TenantRegistry,
    readonly operationId: string,
    readonly tenant: string,
  ) {}

  /** Records every step as pending. */
  async record(steps: ExecStep[]): Promise<void> {
    const sorted = [...steps].sort((a, b) => a.seq - b.seq);
    await this.registry.addSteps(
      this.operationId,
      sorted.map(step => ({ seq: step.seq, cluster: step.cluster, object: step.key, action: step.action, status: step.status, error: step.error })),
    );
  }

  /** Changes a step and writes it through; `started`/`finished` stamp the times. */
  async update(step: ExecStep, change: { status?: OperationStep['status']; action?: ObjectAction; error?: string | null; started?: boolean; finished?: boolean }): Promise<void> {
    if (change.status) step.status = change.status;
    if (change.action) step.action = change.action;
    if (change.error !== undefined) step.error = change.error ?? undefined;
    await this.registry.updateStep(this.operationId, step.seq, change);
  }
}

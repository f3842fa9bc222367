/*
 * PodDisruptionBudget status: expected, healthy and desired-healthy pods and the disruptions
 * allowed — zero when minAvailable equals the replica count, the posture defect Kubeyard flags.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { resolveIntOrPercent } from './deploymentRollout';
import { GVRS } from './gvr';
import {
  type LabelSelectorObject,
  matchesLabelSelector,
} from '../apiserver/labelSelector';
import {
  deepEqual,
  keyOf,
  setCondition,
  splitKey,
  type Condition,
} from './objects';
import { isPodReady, isPodTerminal } from './podTemplate';

const MANAGER = 'disruption-controller';

interface BudgetSpec {
  selector?: LabelSelectorObject;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/** The counts of a PDB's status from the pods it selects. */
export function budgetCounts(
  spec: BudgetSpec,
  pods: KubeObject[],
): {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
} {
  const selected = pods.filter(
    p =>
      matchesLabelSelector(spec.selector, p.metadata.labels) &&
      !isPodTerminal(p) &&
      !p.metadata.deletionTimestamp,
  );
  const expectedPods = selected.length;
  const currentHealthy = selected.filter(isPodReady).length;
  let desiredHealthy: number;
  if (spec.maxUnavailable !== undefined) {
    desiredHealthy = Math.max(
      0,
      expectedPods -
        resolveIntOrPercent(spec.maxUnavailable, expectedPods, true, '0'),
    );
  } else {
    desiredHealthy = resolveIntOrPercent(
      spec.minAvailable ?? 1,
      expectedPods,
      true,
      '1',
    );
  }
  return {
    expectedPods,
    currentHealthy,
    desiredHealthy,
    disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy),
  };
}

/** The disruption controller. */
export class DisruptionController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.poddisruptionbudgets, (type, pdb) => {
      if (type !== 'DELETED') this.queue.add(keyOf(pdb));
    });
    this.subscribe(GVRS.pods, (_type, pod, old) => {
      for (const pdb of this.client
        .informer(GVRS.poddisruptionbudgets)
        .list(pod.metadata.namespace)) {
        const selector = (pdb.spec as BudgetSpec | undefined)?.selector;
        if (
          matchesLabelSelector(selector, pod.metadata.labels) ||
          (old && matchesLabelSelector(selector, old.metadata.labels))
        ) {
          this.queue.add(keyOf(pdb));
        }
      }
    });
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = this.client
      .informer(GVRS.poddisruptionbudgets)
      .get(namespace, name);
    if (!pdb) return;
    const counts = budgetCounts(
      (pdb.spec ?? {}) as BudgetSpec,
      this.client.informer(GVRS.pods).list(namespace),
    );
    const previous = (pdb.status ?? {}) as { conditions?: Condition[] };
    const allowed = counts.disruptionsAllowed > 0;
    const conditions = setCondition(
      previous.conditions,
      {
        type: 'DisruptionAllowed',
        status: allowed ? 'True' : 'False',
        reason: allowed ? 'SufficientPods' : 'InsufficientPods',
        message: '',
        observedGeneration: pdb.metadata.generation ?? 1,
      },
      this.nowTime(),
    );
    const status = {
      ...counts,
      observedGeneration: pdb.metadata.generation ?? 1,
      conditions,
    };
    if (deepEqual(status, pdb.status)) return;
    this.client.updateStatus(
      GVRS.poddisruptionbudgets,
      { ...pdb, status },
      MANAGER,
    );
  }
}

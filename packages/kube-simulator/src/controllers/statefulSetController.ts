/*
 * StatefulSet → Pods `<sts>-<ordinal>` with stable identity (hostname, subdomain) and one
 * PersistentVolumeClaim `<template>-<sts>-<ordinal>` per volumeClaimTemplate, kept after scale
 * down (the default Retain policy). OrderedReady creates one pod at a time, each after the
 * previous is Ready; rolling updates replace pods from the highest ordinal down.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { indexByController } from './indexes';
import {
  clone,
  deepEqual,
  isTerminating,
  keyOf,
  omitZeroCounts,
  splitKey,
} from './objects';
import {
  isPodReady,
  podFromTemplate,
  type PodTemplateSpec,
  templateHash,
} from './podTemplate';
import { activePodsOf } from './replicaSetController';

const MANAGER = 'statefulset-controller';

interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  template: PodTemplateSpec;
  volumeClaimTemplates?: Array<{
    metadata: { name: string; labels?: Record<string, string> };
    spec: Record<string, unknown>;
  }>;
  selector?: { matchLabels?: Record<string, string> };
  updateStrategy?: { type?: string };
}

/** The PVC name for a claim template and ordinal: `<template>-<sts>-<ordinal>`. */
export function claimName(
  template: string,
  statefulSet: string,
  ordinal: number,
): string {
  return `${template}-${statefulSet}-${ordinal}`;
}

function ordinalOf(pod: KubeObject, sts: string): number {
  const suffix = pod.metadata.name?.slice(sts.length + 1) ?? '';
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

/** The statefulset controller. */
export class StatefulSetController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    indexByController(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.statefulsets, (_type, sts) =>
      this.queue.add(keyOf(sts)),
    );
    this.subscribe(GVRS.pods, (_type, pod, old) =>
      this.queueController('StatefulSet', pod, old),
    );
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const sts = this.client.informer(GVRS.statefulsets).get(namespace, name);
    if (!sts || isTerminating(sts)) return;
    const spec = sts.spec as StatefulSetSpec;
    const replicas = spec.replicas ?? 1;
    const revision = `${name}-${templateHash(spec.template)}`;
    const pods = activePodsOf(this.client, sts);
    const byOrdinal = new Map(pods.map(p => [ordinalOf(p, name!), p]));
    const ordered =
      (spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';

    // Scale down first, highest ordinal first, one at a time when ordered.
    const extra = pods
      .filter(p => ordinalOf(p, name!) >= replicas)
      .sort((a, b) => ordinalOf(b, name!) - ordinalOf(a, name!));
    for (const pod of ordered ? extra.slice(0, 1) : extra) {
      this.client.delete(GVRS.pods, pod, MANAGER);
      this.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
      );
    }

    if (extra.length === 0) {
      for (let ordinal = 0; ordinal < replicas; ordinal++) {
        const existing = byOrdinal.get(ordinal);
        if (existing) {
          if (ordered && !isPodReady(existing)) break;
          continue;
        }
        this.ensureClaims(sts, ordinal);
        const podName = `${name}-${ordinal}`;
        const pod = podFromTemplate(spec.template, {
          name: podName,
          namespace: namespace!,
          owner: sts,
          labels: {
            'apps.kubernetes.io/pod-index': String(ordinal),
            'controller-revision-hash': revision,
            'statefulset.kubernetes.io/pod-name': podName,
          },
          spec: {
            hostname: podName,
            ...(spec.serviceName ? { subdomain: spec.serviceName } : {}),
            volumes: [
              ...(((spec.template.spec as { volumes?: unknown[] } | undefined)
                ?.volumes ?? []) as unknown[]),
              ...(spec.volumeClaimTemplates ?? []).map(t => ({
                name: t.metadata.name,
                persistentVolumeClaim: {
                  claimName: claimName(t.metadata.name, name!, ordinal),
                },
              })),
            ],
          },
        });
        this.client.create(GVRS.pods, pod, MANAGER);
        this.events.record(
          sts,
          'Normal',
          'SuccessfulCreate',
          `create Pod ${podName} in StatefulSet ${name} successful`,
        );
        if (ordered) break;
      }
      this.rollOutdatedPod(sts, pods, revision, replicas);
    }
    this.writeStatus(sts, revision);
  }

  /** RollingUpdate: once every pod is Ready, replace the highest-ordinal pod on an old revision. */
  private rollOutdatedPod(
    sts: KubeObject,
    pods: KubeObject[],
    revision: string,
    replicas: number,
  ): void {
    if ((sts.spec as StatefulSetSpec).updateStrategy?.type === 'OnDelete')
      return;
    if (pods.length < replicas || !pods.every(isPodReady)) return;
    const outdated = pods
      .filter(p => p.metadata.labels?.['controller-revision-hash'] !== revision)
      .sort(
        (a, b) =>
          ordinalOf(b, sts.metadata.name!) - ordinalOf(a, sts.metadata.name!),
      );
    if (outdated[0]) this.client.delete(GVRS.pods, outdated[0], MANAGER);
  }

  private ensureClaims(sts: KubeObject, ordinal: number): void {
    const spec = sts.spec as StatefulSetSpec;
    for (const template of spec.volumeClaimTemplates ?? []) {
      const name = claimName(
        template.metadata.name,
        sts.metadata.name!,
        ordinal,
      );
      if (
        this.client.fetch(
          GVRS.persistentvolumeclaims,
          sts.metadata.namespace,
          name,
        )
      )
        continue;
      this.client.create(
        GVRS.persistentvolumeclaims,
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: {
            name,
            namespace: sts.metadata.namespace,
            labels: {
              ...spec.selector?.matchLabels,
              ...template.metadata.labels,
            },
          },
          spec: clone(template.spec),
        },
        MANAGER,
      );
      this.events.record(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Claim ${name} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`,
      );
    }
  }

  private writeStatus(sts: KubeObject, revision: string): void {
    const current = this.latest(GVRS.statefulsets, sts);
    const pods = activePodsOf(this.client, sts);
    const updated = pods.filter(
      p => p.metadata.labels?.['controller-revision-hash'] === revision,
    ).length;
    const ready = pods.filter(isPodReady).length;
    const previous = (current.status ?? {}) as { currentRevision?: string };
    const allUpdated =
      updated === pods.length &&
      pods.length === ((current.spec as StatefulSetSpec).replicas ?? 1);
    const status: Record<string, unknown> = {
      observedGeneration: current.metadata.generation ?? 1,
      replicas: pods.length,
      readyReplicas: ready,
      currentReplicas: allUpdated ? updated : pods.length - updated,
      updatedReplicas: updated,
      availableReplicas: ready,
      currentRevision: allUpdated
        ? revision
        : previous.currentRevision ?? revision,
      updateRevision: revision,
      collisionCount: 0,
    };
    omitZeroCounts(status, [
      'readyReplicas',
      'currentReplicas',
      'updatedReplicas',
    ]);
    if (deepEqual(status, current.status)) return;
    this.client.updateStatus(
      GVRS.statefulsets,
      { ...current, status },
      MANAGER,
    );
  }
}

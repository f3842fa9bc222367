/*
 * Records core/v1 Events about objects, aggregating repeats into `count` like client-go's
 * event recorder, so `kubectl describe` and Kubeyard's troubleshooting views have a story.
 */
import type { KubeObject, SimClock } from '../types';
import type { ClusterClient } from './clusterClient';
import { GVRS } from './gvr';
import { hexDigest } from './hash';
import { toKubeTime } from './objects';
import { errorMessage } from './workQueue';

const MAX_REMEMBERED = 5000;

/** Records Events on behalf of one component (e.g. "deployment-controller"). */
export class EventRecorder {
  // Aggregation key → event name and count, oldest first.
  private readonly recent = new Map<
    string,
    { name: string; namespace: string; count: number }
  >();

  constructor(
    private readonly client: ClusterClient,
    private readonly clock: SimClock,
    private readonly component: string,
  ) {}

  /** Records a Normal or Warning event about `obj`. Never throws: events are best effort. */
  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const key = `${obj.metadata.uid ?? obj.metadata.name}|${reason}|${message}`;
    const now = toKubeTime(this.clock.now());
    try {
      const previous = this.recent.get(key);
      if (previous) {
        const existing = this.client.fetch(
          GVRS.events,
          previous.namespace,
          previous.name,
        );
        if (existing) {
          previous.count++;
          this.client.update(
            GVRS.events,
            { ...existing, count: previous.count, lastTimestamp: now },
            this.component,
          );
          return;
        }
      }
      const name = `${obj.metadata.name}.${hexDigest(
        `${key}|${now}|${this.recent.size}`,
        16,
      )}`;
      this.client.create(
        GVRS.events,
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: {
            apiVersion: obj.apiVersion,
            kind: obj.kind,
            name: obj.metadata.name,
            namespace: obj.metadata.namespace,
            uid: obj.metadata.uid,
            resourceVersion: obj.metadata.resourceVersion,
          },
          reason,
          message,
          type,
          source: { component: this.component },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          eventTime: null,
          reportingComponent: this.component,
          reportingInstance: '',
        },
        this.component,
      );
      this.recent.set(key, { name, namespace, count: 1 });
      if (this.recent.size > MAX_REMEMBERED)
        this.recent.delete(this.recent.keys().next().value!);
    } catch (err) {
      // A namespace being terminated, or no Event type at all: nothing to record into.
      void errorMessage(err);
    }
  }
}

/*
 * The controllers' client for one cluster: shared informers for reads, the store for writes
 * (as system:admin, with a field manager per controller), and own writes fed back into the
 * caches. One ClusterClient is shared by all controllers of a cluster.
 */
import type { ClusterStore, GVR, KubeObject } from '../types';
import { GVRS } from './gvr';
import { Informer } from './informer';
import { statusCode } from './workQueue';

function gvrKey(gvr: GVR): string {
  return `${gvr.group}/${gvr.version}/${gvr.resource}`;
}

/** Shared informers and writes for the controllers of one cluster. */
export class ClusterClient {
  private storeRef?: ClusterStore;
  private readonly informers = new Map<string, Informer>();
  private crdWatch?: () => void;

  /** Binds the store; the first controller to start does it. */
  bind(store: ClusterStore): void {
    if (this.storeRef) return;
    this.storeRef = store;
  }

  /** The bound store. */
  get store(): ClusterStore {
    if (!this.storeRef)
      throw new Error('ClusterClient used before a controller started');
    return this.storeRef;
  }

  /** The shared informer of a resource type (created on first use, started by `startInformers`). */
  informer(gvr: GVR): Informer {
    const key = gvrKey(gvr);
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new Informer(this.store, gvr);
      this.informers.set(key, informer);
    }
    return informer;
  }

  /**
   * Starts informers whose type is served. Types that are CRDs not yet created start when
   * their CustomResourceDefinition appears.
   */
  startInformers(): void {
    let waiting = false;
    for (const informer of this.informers.values()) {
      if (!informer.start()) waiting = true;
    }
    if (
      waiting &&
      !this.crdWatch &&
      this.store.typeFor(GVRS.customresourcedefinitions)
    ) {
      this.crdWatch = this.store.watch(
        GVRS.customresourcedefinitions,
        undefined,
        {},
        event => {
          if (event.type === 'ADDED' || event.type === 'MODIFIED')
            setImmediate(() => this.startInformers());
        },
      );
    }
  }

  /** Stops every informer. */
  stop(): void {
    this.crdWatch?.();
    this.crdWatch = undefined;
    for (const informer of this.informers.values()) informer.stop();
  }

  /** Creates an object and records it in the cache. */
  create(gvr: GVR, obj: KubeObject, fieldManager: string): KubeObject {
    const created = this.store.create(gvr, obj.metadata.namespace, obj, {
      fieldManager,
    });
    this.cached(gvr)?.upsert(created);
    return created;
  }

  /** Replaces an object (spec and metadata) and records it in the cache. */
  update(gvr: GVR, obj: KubeObject, fieldManager: string): KubeObject {
    const updated = this.store.update(gvr, obj.metadata.namespace, obj, {
      fieldManager,
    });
    this.cached(gvr)?.upsert(updated);
    return updated;
  }

  /** Replaces an object's status and records it in the cache. */
  updateStatus(gvr: GVR, obj: KubeObject, fieldManager: string): KubeObject {
    const updated = this.store.updateStatus(gvr, obj.metadata.namespace, obj, {
      fieldManager,
    });
    this.cached(gvr)?.upsert(updated);
    return updated;
  }

  /** Deletes an object (background propagation); a missing object is not an error. */
  delete(gvr: GVR, obj: KubeObject, fieldManager: string): void {
    try {
      this.store.delete(gvr, obj.metadata.namespace, obj.metadata.name!, {
        fieldManager,
        propagationPolicy: 'Background',
      });
      // Finalizers or graceful deletion may keep it around with a deletionTimestamp.
      const remaining = this.fetch(
        gvr,
        obj.metadata.namespace,
        obj.metadata.name!,
      );
      if (remaining) this.cached(gvr)?.upsert(remaining);
      else this.cached(gvr)?.remove(obj);
    } catch (err) {
      if (statusCode(err) !== 404) throw err;
      this.cached(gvr)?.remove(obj);
    }
  }

  /** Reads the current object from the store (not the cache); undefined when missing. */
  fetch(
    gvr: GVR,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    try {
      return this.store.get(gvr, namespace, name);
    } catch (err) {
      if (statusCode(err) === 404) return undefined;
      throw err;
    }
  }

  private cached(gvr: GVR): Informer | undefined {
    const informer = this.informers.get(gvrKey(gvr));
    return informer?.synced ? informer : undefined;
  }
}

/*
 * Informer indexes shared by several controllers.
 */
import type { KubeObject } from '../types';
import type { Informer } from './informer';
import { controllerOf } from './objects';

/** Index name: the uid of the controlling owner. */
export const BY_CONTROLLER = 'controller';
/** Index name: spec.nodeName of pods. */
export const BY_NODE = 'nodeName';

/** Adds the controller-owner index to an informer and returns it. */
export function indexByController(informer: Informer): Informer {
  informer.addIndex(BY_CONTROLLER, (obj: KubeObject) => {
    const ref = controllerOf(obj);
    return ref ? [ref.uid] : [];
  });
  return informer;
}

/** The cached objects an owner controls (informers with indexByController). */
export function ownedBy(informer: Informer, owner: KubeObject): KubeObject[] {
  return informer.byIndex(BY_CONTROLLER, owner.metadata.uid!);
}

/** Adds the node-name index to a pod informer and returns it. */
export function indexByNode(informer: Informer): Informer {
  informer.addIndex(BY_NODE, (obj: KubeObject) => {
    const nodeName = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
    return nodeName ? [nodeName] : [];
  });
  return informer;
}

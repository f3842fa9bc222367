/*
 * The admission chain's contracts: plugins mutate (`admit`) and then validate (`validate`) a
 * write before it is stored, reading other objects through an ObjectReader.
 */
import type { KubeObject, ResourceType, UserInfo } from '../../types';

/** Read access to stored objects without copying (admission, RBAC and observers only read). */
export interface ObjectReader {
  peek(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  scan(groupResource: string, namespace: string | undefined): Iterable<KubeObject>;
}

/** One write under admission. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  resourceType: ResourceType;
  subresource?: string;
  namespace?: string;
  name: string;
  /** The object to store; `admit` may change it. */
  object: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
  user?: UserInfo;
}

/** An admission plugin (LimitRanger, ResourceQuota, …). Errors are thrown as StatusError. */
export interface AdmissionPlugin {
  readonly name: string;
  admit?(request: AdmissionRequest, reader: ObjectReader): void;
  validate?(request: AdmissionRequest, reader: ObjectReader): void;
}

/** A committed change, as observers see it. */
export interface Change {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resourceType: ResourceType;
  object: KubeObject;
  previous?: KubeObject;
}

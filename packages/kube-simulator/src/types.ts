/*
 * The contracts between the simulator's parts: the object store (apiserver/), the controllers
 * (controllers/), scenarios (scenario/) and the public API (index.ts).
 */

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** The subset of ObjectMeta the simulator maintains. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  selfLink?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

/** metadata.ownerReferences[] */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** metadata.managedFields[] in the FieldsV1 format. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** One served resource type, as discovery describes it. */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  resource: string; // plural, e.g. 'deployments'
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
  categories?: string[];
  /** Subresources served, e.g. ['status', 'scale', 'log']. */
  subresources?: string[];
}

/** Group/version/resource coordinates. */
export interface GVR {
  group: string;
  version: string;
  resource: string;
}

/** Who is calling. Controllers and scenario loading act as `system:admin` (group system:masters). */
export interface UserInfo {
  username: string;
  groups: string[];
  uid?: string;
}

/** The watch event types of the Kubernetes API. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** One event delivered to an in-process watcher. */
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

/** Options common to writes. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** Server-side apply only: take ownership of conflicting fields. */
  force?: boolean;
  user?: UserInfo;
}

/** Options for list. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  user?: UserInfo;
  /**
   * Return the stored objects themselves (deep-frozen, shared) instead of copies: much cheaper
   * for informer-style caches of large clusters. Copy an object before changing it.
   */
  readOnly?: boolean;
}

/** The result of a list. */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Patch flavours, by their Content-Type. */
export type PatchType =
  | 'application/json-patch+json'
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/apply-patch+yaml';

/**
 * One simulated cluster's object store. Every write goes through validation and admission
 * (quota, limit ranges, RBAC when `user` is given); a missing `user` means system:admin.
 * Errors are thrown as `StatusError` (see apiserver/errors.ts) carrying a Kubernetes Status.
 */
export interface ClusterStore {
  readonly clusterName: string;
  /** Resource types served (built-ins plus CRDs created in this cluster). */
  types(): ResourceType[];
  typeFor(gvr: GVR): ResourceType | undefined;
  typeForKind(apiVersion: string, kind: string): ResourceType | undefined;
  get(gvr: GVR, namespace: string | undefined, name: string, user?: UserInfo): KubeObject;
  list(gvr: GVR, namespace: string | undefined, options?: ListOptions): ListResult;
  create(gvr: GVR, namespace: string | undefined, obj: KubeObject, options?: WriteOptions): KubeObject;
  update(gvr: GVR, namespace: string | undefined, obj: KubeObject, options?: WriteOptions): KubeObject;
  /** Writes .status only (the status subresource). */
  updateStatus(gvr: GVR, namespace: string | undefined, obj: KubeObject, options?: WriteOptions): KubeObject;
  patch(
    gvr: GVR,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    body: unknown,
    options?: WriteOptions,
  ): KubeObject;
  delete(
    gvr: GVR,
    namespace: string | undefined,
    name: string,
    options?: WriteOptions & { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' },
  ): KubeObject;
  /**
   * In-process watch from a resourceVersion (exclusive); returns an unsubscribe function.
   * Without resourceVersion (or with '0') existing objects are first sent as ADDED, as the real
   * API server does. Events arrive asynchronously (a microtask after the write), in
   * resourceVersion order; their objects are shared, deep-frozen snapshots: copy to change.
   */
  watch(
    gvr: GVR,
    namespace: string | undefined,
    options: { resourceVersion?: string; labelSelector?: string; fieldSelector?: string },
    onEvent: (event: WatchEvent) => void,
  ): () => void;
}

/** Simulated time. `now()` starts at the scenario's start time and moves only when advanced. */
export interface SimClock {
  now(): Date;
  /** Moves time forward, running every controller tick that falls inside the interval, in order. */
  advance(ms: number): Promise<void>;
  /** Calls `fn` after each advance with the new time. Returns an unsubscribe function. */
  onTick(fn: (now: Date) => void | Promise<void>): () => void;
}

/** Faults that can be set per cluster through the admin endpoint or `faults` handle. */
export interface ClusterFaults {
  /** Extra latency added to every request, in ms. */
  latencyMs?: number;
  /** The cluster answers every request with this HTTP status (e.g. 500, 401, 503). */
  errorStatus?: number;
  /** The cluster does not answer at all (connections are held, then destroyed). */
  down?: boolean;
  /** Only requests whose path matches this regular expression are affected. */
  pathPattern?: string;
  /** Fail only the next N matching requests, then clear. */
  count?: number;
}

/** Handle to set and clear faults. */
export interface FaultController {
  set(cluster: string, faults: ClusterFaults): void;
  clear(cluster?: string): void;
  get(cluster: string): ClusterFaults | undefined;
}

/**
 * A controller reconciles one concern of a cluster (workloads → pods, Velero schedules →
 * backups, …). `reconcile` is called after every store change it watches, and `tick` on every
 * clock advance; both act through the store as system:admin.
 */
export interface Controller {
  readonly name: string;
  start(context: ControllerContext): void;
  tick?(now: Date): void | Promise<void>;
  stop?(): void;
}

/** What a controller can reach. */
export interface ControllerContext {
  store: ClusterStore;
  clock: SimClock;
  /** Deterministic randomness for this cluster (seeded). */
  random: () => number;
  /** Scenario behaviour knobs for this cluster (see scenario/types.ts). */
  behaviour: ClusterBehaviour;
  /** Registers a new cluster served by the same process (used by the vcluster controller). */
  addCluster(spec: ScenarioCluster): { name: string; url: string; token: string };
  /** The process-wide base URL, e.g. http://127.0.0.1:6550 */
  baseUrl(): string;
}

/** Scenario-level behaviour of one cluster. */
export interface ClusterBehaviour {
  /** Per Backup name (or schedule name): the final phase it ends in; default Completed. */
  backupOutcomes?: Record<string, 'Completed' | 'PartiallyFailed' | 'Failed'>;
  /** Minutes a backup stays InProgress in simulated time. Default 5. */
  backupDurationMinutes?: number;
  /** Pod CPU/memory usage as a fraction of requests: daily curve peak and noise. */
  usage?: { base: number; peak: number; noise: number; peakHourUtc: number };
  /** Pods matching these label selectors stay in the given state. */
  podStates?: Array<{ selector: string; phase?: string; ready?: boolean; restarts?: number; reason?: string }>;
  /** Nodes whose kubelet stopped posting status: Ready=Unknown, unreachable taints, their pods not Ready. */
  notReadyNodes?: string[];
  /** BackupStorageLocation phase by name; unset names keep the phase in the object (default Available). */
  storageLocationPhases?: Record<string, 'Available' | 'Unavailable'>;
  /** Seconds a Job's pod runs in simulated time before it Succeeds. Default 60. */
  jobDurationSeconds?: number;
}

/** One cluster in a scenario. */
export interface ScenarioCluster {
  name: string;
  /** Bearer token of the cluster-admin service account used by Kubeyard and tests. */
  token: string;
  /** Kubernetes version reported by /version, e.g. v1.31.4 */
  version?: string;
  /** Extra tokens → identities, for RBAC tests and demos. */
  users?: Array<{ token: string; username: string; groups?: string[] }>;
  labels?: Record<string, string>;
  behaviour?: ClusterBehaviour;
  /** Objects loaded at start, in order, as system:admin. CRDs first when present. */
  objects: KubeObject[];
}

/** A whole scenario: what `--scenario` loads. */
export interface Scenario {
  name: string;
  /** ISO time the simulated clock starts at. */
  startTime?: string;
  clusters: ScenarioCluster[];
}

import type { Finding } from '../findings/types';
import type { TenantFieldError, TenantSpec, TenantSpecInput } from '../tenants';

/** What applying one object changes. */
export type ObjectAction = 'create' | 'update' | 'unchanged' | 'delete';

/** One object of a tenant's bundle on one cluster, as planned (server-side dry-run). */
export interface PlannedObject {
  /** manifestKey: `group/Kind/namespace/name`. */
  key: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  action: ObjectAction;
  /** Field-level differences between the live object and the dry-run result (update only). */
  diff?: Array<{ path: string; before?: unknown; after?: unknown }>;
  /** Why the dry run was refused (a field conflict with another manager, an invalid value): applying would fail here. */
  error?: string;
}

/** The plan of a tenant on one cluster. */
export interface ClusterPlan {
  cluster: string;
  /** False when the cluster could not be reached; `error` says why, `objects` is empty. */
  reachable: boolean;
  error?: string;
  objects: PlannedObject[];
}

/** POST /tenants?mode=plan response. */
export interface TenantPlan {
  tenant: string;
  spec: TenantSpec;
  clusters: ClusterPlan[];
  summary: Record<ObjectAction, number>;
}

/** One step of an operation: one object on one cluster. */
export interface OperationStep {
  cluster: string;
  /** manifestKey of the object. */
  object: string;
  action: ObjectAction;
  status: 'pending' | 'running' | 'done' | 'failed' | 'compensated' | 'skipped';
  error?: string;
  startedAt?: string;
  finishedAt?: string;
}

/** Kinds of tenant operations recorded in the registry. */
export type TenantOperationKind = 'apply' | 'update' | 'decommission' | 'verify';

/** A recorded operation with every step's result. */
export interface TenantOperation {
  id: string;
  tenant: string;
  kind: TenantOperationKind;
  /** running → succeeded | failed (left for a rerun to complete) | compensated (rolled back). */
  status: 'running' | 'succeeded' | 'failed' | 'compensated';
  /** Who asked for it (user entity ref). */
  initiator: string;
  startedAt: string;
  finishedAt?: string;
  error?: string;
  steps: OperationStep[];
  /** The report of a `verify` operation. */
  report?: VerifyReport;
}

/** What the index sees of a tenant on one cluster. */
export interface TenantClusterStatus {
  cluster: string;
  namespace: string;
  phase: 'Active' | 'Pending' | 'Missing' | 'Terminating' | 'Unknown';
  /** The tenant ResourceQuota's hard and used, as quantities. */
  quota?: { hard: Record<string, string>; used: Record<string, string> };
  /**
   * What the registry recorded the last operation left on this cluster: everything
   * (`present`), nothing (`absent`), some of it (`partial`: a failed operation that could not
   * be undone; apply again to complete it) or a removal under way (`removing`).
   */
  registryState?: 'present' | 'absent' | 'partial' | 'removing';
  /** Why the registry state is partial or removing. */
  registryError?: string;
}

/** A tenant in the registry. */
export interface TenantSummary {
  name: string;
  displayName?: string;
  owner: string;
  environment: string;
  tier: string;
  isolation: 'namespace' | 'vcluster';
  clusters: string[];
  /** Pending until the first apply succeeds; Failed when the last operation failed. */
  status: 'Pending' | 'Active' | 'Failed' | 'Terminating';
  /** Highest used/hard ratio over the tenant's quotas, 0–1, for headroom bars (80/90 % alerts). */
  quotaPressure?: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /tenants response. */
export interface TenantsResponse {
  tenants: TenantSummary[];
}

/** GET /tenants/:name response. */
export interface TenantDetail extends TenantSummary {
  spec: TenantSpec;
  clusterStatus: TenantClusterStatus[];
  findings: Finding[];
  history: TenantOperation[];
}

/** One check of a verify report; every check states what it expects. */
export interface VerifyCheck {
  cluster: string;
  category: 'rbac' | 'network' | 'quota' | 'limits' | 'presence';
  name: string;
  expected: string;
  actual: string;
  pass: boolean;
  detail?: string;
}

/** POST /tenants/:name/verify response. */
export interface VerifyReport {
  tenant: string;
  /** The `verify` operation that recorded this report. */
  operationId?: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  checks: VerifyCheck[];
}

/** The body of a 400 for a tenant spec: which fields, what is wrong, what is allowed. */
export interface TenantValidationErrorBody {
  error: { name: 'InputError'; message: string };
  fields: TenantFieldError[];
}

/** POST /tenants body. */
export type TenantRequest = TenantSpecInput;

/**
 * GET /ownership/findings response. Finding ids: `ownership.namespace.no-owner`,
 * `ownership.owner.not-a-group` (the label names no catalog Group),
 * `ownership.owner.drift` (label owner ≠ the tenant's catalog owner),
 * `ownership.tenant.missing-on-cluster` (a tenant's namespace is absent from a cluster of its spec).
 */
export interface OwnershipFindingsResponse {
  findings: Finding[];
}

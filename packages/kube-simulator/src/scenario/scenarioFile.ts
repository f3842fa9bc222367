/*
 * The YAML scenario format. A scenario file has the shape of `Scenario` (types.ts); a cluster
 * may also use the shorthands below, which the loader expands into ordinary objects, and a
 * scenario may list its clusters as paths to one YAML file per cluster.
 *
 *   name: demo
 *   startTime: now            # ISO time, or "now" = the current time rounded down to the hour
 *   clusters:
 *     - prod-eu.yaml          # a ClusterFile, relative to this file
 *     - name: lab             # or inline
 *       token: lab-admin-token
 *       objects: [...]
 *
 * Inside objects, a string "@start", "@start-26h" or "@start+2d4h30m" becomes an ISO time
 * relative to the scenario's start time (for status timestamps of pre-existing objects).
 */
import type { ClusterBehaviour, KubeObject, ScenarioCluster } from '../types';

/** A node, or several alike, in a cluster's `nodes` shorthand. */
export interface NodeSpec {
  /** Node name; with `count`, a prefix: `<name>-<i>` numbered from 1. */
  name: string;
  count?: number;
  role?: 'control-plane' | 'worker';
  /** Zone (topology.kubernetes.io/zone); with `count`, use `zones` to spread round-robin. */
  zone?: string;
  zones?: string[];
  /** Region (topology.kubernetes.io/region); defaults to the zone without its last letter. */
  region?: string;
  cpu?: string;
  memory?: string;
  pods?: number;
  instanceType?: string;
  labels?: Record<string, string>;
  /** false: the node's kubelet stops posting status (Ready=Unknown). */
  ready?: boolean;
}

/** A tenant in a cluster's `tenants` shorthand: a namespace with Kubeyard's tenant bundle. */
export interface TenantSpec {
  /** Tenant name (kubeyard.io/tenant), e.g. "payments". */
  tenant: string;
  /** Namespace; default `<tenant>-<environment>`. */
  namespace?: string;
  /** Owning catalog group, e.g. "group:default/team-payments"; omit for an unowned namespace. */
  owner?: string;
  costCenter?: string;
  environment?: 'development' | 'staging' | 'production';
  /** Quota tier: large (the digest's numbers), medium (1/4) or small (1/10). Default medium. */
  tier?: 'large' | 'medium' | 'small';
  /** Extra namespace labels and annotations. */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Groups bound to tenant-admin / tenant-developer / tenant-viewer. */
  adminGroups?: string[];
  developerGroups?: string[];
  viewerGroups?: string[];
  /** Namespaces (besides ingress and DNS) this tenant may reach, e.g. ["database:5432"]. */
  egressTo?: string[];
  /** Leave out the tenant bundle's NetworkPolicies (a finding for the portal). */
  networkPolicies?: boolean;
}

/** Pre-existing backups of a schedule, generated from its cron expression and template. */
export interface BackupHistorySpec {
  /** The Schedule's name (it must be among the cluster's objects). */
  schedule: string;
  /** How many past runs to generate, most recent last. */
  runs: number;
  /** Outcomes by run, counting back from the most recent (1 = the latest); default Completed. */
  outcomes?: Record<
    string,
    'Completed' | 'PartiallyFailed' | 'Failed' | 'FailedValidation'
  >;
  /** Minutes each run took. Default 4. */
  durationMinutes?: number;
  /** The last run is at or before this time ("@start-3d"); default the scenario start (e.g. a schedule paused since). */
  until?: string;
}

/** One cluster as written in YAML. */
export interface ClusterFile
  extends Omit<ScenarioCluster, 'token' | 'objects'> {
  token?: string;
  behaviour?: ClusterBehaviour;
  /** Well-known CRD bundles (velero, kubefed, karmada): adds the ones the simulator does not pre-install, e.g. DeleteBackupRequest. */
  crds?: string[];
  /** Adds kube-system's usual objects: coredns, kube-proxy, metrics-server. Default true when `nodes` is set. */
  system?: boolean;
  nodes?: NodeSpec[];
  tenants?: TenantSpec[];
  backupHistory?: BackupHistorySpec[];
  objects?: KubeObject[];
}

/** A scenario as written in YAML. */
export interface ScenarioFile {
  name: string;
  startTime?: string;
  clusters: Array<ClusterFile | string>;
}

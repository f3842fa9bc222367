import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TenantClusterClients } from './clusterClient';
import type { TenantRegistry } from './TenantRegistry';

/** Timing of tenant operations (`kubeyard.tenants.*` in config, in seconds there). */
export interface TenantOperationOptions {
  /** One Kubernetes request may take this long before it counts as failed (its outcome unknown). */
  requestTimeoutMs: number;
  /** A lock whose heartbeat is older than this belongs to a backend that is gone. */
  lockTimeoutMs: number;
  /** How long compensation waits for writes that ran out of time to settle before undoing them. */
  settleTimeoutMs: number;
  /** How long a deleted namespace may take to disappear (its contents are removed first). */
  namespaceDeletionTimeoutMs: number;
  /** Poll interval while waiting for a namespace to disappear. */
  pollIntervalMs: number;
}

/** Defaults for production. */
export const DEFAULT_TENANT_OPERATION_OPTIONS: TenantOperationOptions = {
  requestTimeoutMs: 30_000,
  lockTimeoutMs: 600_000,
  settleTimeoutMs: 60_000,
  namespaceDeletionTimeoutMs: 120_000,
  pollIntervalMs: 500,
};

/** What the operation functions work with. */
export interface TenantOperationContext {
  registry: TenantRegistry;
  clients: TenantClusterClients;
  logger: LoggerService;
  options: TenantOperationOptions;
  /** Told when an apply or decommission has finished changing a tenant (the catalog listens). */
  onTenantChanged?: (tenant: string) => void;
}

/** The events topic on which kubeyard-backend announces that a tenant was created, changed or removed. */
export const TENANT_CHANGED_TOPIC = 'kubeyard.tenant.changed';

/**
 * The tenant named by a `kubeyard.tenant.changed` payload, `{ tenant: "<name>" }`; undefined
 * for anything else. The provider reads the tenant back from kubeyard-backend, so the payload
 * needs nothing more than the name.
 */
export function tenantNameOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const tenant = (payload as { tenant?: unknown }).tenant;
  return typeof tenant === 'string' && tenant.length > 0 ? tenant : undefined;
}

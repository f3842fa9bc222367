import { EmptyState, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { createTenantRouteRef } from '../../routes';

/** Shown when the registry holds no tenants: how to request one. */
export function TenantsEmptyState() {
  const createLink = useRouteRef(createTenantRouteRef);
  return (
    <EmptyState
      missing="data"
      title="No tenants yet"
      description="A tenant is a namespace (or a virtual cluster) with quota, RBAC and network isolation on one or more clusters, owned by a catalog Group. Request one with the “Kubernetes tenant” Software Template: pick the owning group, the clusters, a tier and the users. Kubeyard plans it, applies it, verifies its isolation and lists it here."
      action={
        <LinkButton
          to={createLink?.() ?? '/create'}
          variant="contained"
          color="primary"
        >
          Request a tenant
        </LinkButton>
      }
    />
  );
}

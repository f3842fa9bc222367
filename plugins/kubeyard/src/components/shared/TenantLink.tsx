import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import type { ReactNode } from 'react';
import { tenantRouteRef } from '../../routes';

/** A tenant's name (or `children`), linked to its Kubeyard tenant page when that page is mounted. */
export function TenantLink(props: { name: string; children?: ReactNode }) {
  const tenantLink = useRouteRef(tenantRouteRef);
  const text = props.children ?? props.name;
  if (!tenantLink) return <>{text}</>;
  return <Link to={tenantLink({ name: props.name })}>{text}</Link>;
}

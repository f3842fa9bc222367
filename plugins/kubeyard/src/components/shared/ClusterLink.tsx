import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { clusterRouteRef } from '../../routes';

/** A cluster's name, linked to its Kubeyard cluster page when that page is mounted. */
export function ClusterLink(props: { name: string }) {
  const clusterLink = useRouteRef(clusterRouteRef);
  if (!clusterLink) return <>{props.name}</>;
  return <Link to={clusterLink({ name: props.name })}>{props.name}</Link>;
}

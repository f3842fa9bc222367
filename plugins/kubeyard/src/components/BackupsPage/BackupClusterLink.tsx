import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { clusterBackupsRouteRef } from '../../routes';

/** A cluster's name, linked to its backups page when that page is mounted. */
export function BackupClusterLink(props: { cluster: string }) {
  const link = useRouteRef(clusterBackupsRouteRef);
  if (!link) return <>{props.cluster}</>;
  return <Link to={link({ cluster: props.cluster })}>{props.cluster}</Link>;
}

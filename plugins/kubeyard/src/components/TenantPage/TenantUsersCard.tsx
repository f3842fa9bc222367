import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TenantSpec } from '@kubeyard/backstage-plugin-kubeyard-common';

const ROLES: Array<{
  key: 'admins' | 'developers' | 'viewers';
  title: string;
  grants: string;
}> = [
  {
    key: 'admins',
    title: 'Admins',
    grants: 'all workloads, configuration and secrets; quotas read-only',
  },
  {
    key: 'developers',
    title: 'Developers',
    grants: 'create and change workloads, no delete; secrets read-only',
  },
  {
    key: 'viewers',
    title: 'Viewers',
    grants: 'read workloads, services and logs; no secrets',
  },
];

/** Who may do what in the tenant: admins, developers and viewers, linked to the catalog. */
export function TenantUsersCard(props: { spec: TenantSpec }) {
  const { spec } = props;
  return (
    <InfoCard title="Users">
      {ROLES.map(role => {
        const refs = spec[role.key];
        // An empty admin list binds tenant-admin to the owning group.
        const shown =
          role.key === 'admins' && refs.length === 0 ? [spec.owner] : refs;
        return (
          <Box key={role.key} mb={2} aria-label={role.title} role="group">
            <Typography variant="subtitle2">{role.title}</Typography>
            <Typography variant="caption" color="textSecondary" component="div">
              {role.grants}
            </Typography>
            {shown.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                none
              </Typography>
            ) : (
              <Typography variant="body2" component="div">
                <EntityRefLinks entityRefs={shown} />
                {shown !== refs && ' (the owner, by default)'}
              </Typography>
            )}
          </Box>
        );
      })}
    </InfoCard>
  );
}

import { InfoCard, Link } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import type { TenantSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { createTenantRouteRef, tenantsRouteRef } from '../../routes';
import {
  PollingContent,
  QuotaBar,
  TenantLink,
  TenantStatusChip,
} from '../shared';

/** Whether a tenant is owned by the group; entity refs compare case-insensitively. */
export function isOwnedBy(tenant: TenantSummary, groupRef: string): boolean {
  return (
    tenant.owner.toLocaleLowerCase('en-US') ===
    groupRef.toLocaleLowerCase('en-US')
  );
}

function TenantRow(props: { tenant: TenantSummary }) {
  const { tenant } = props;
  return (
    <ListItem disableGutters divider>
      <Box width="100%" display="flex" style={{ gap: 16 }} alignItems="center">
        <Box flexGrow={1} minWidth={0}>
          <Typography variant="body1">
            <TenantLink name={tenant.name} />
          </Typography>
          <Typography variant="caption" color="textSecondary" component="div">
            {[
              tenant.displayName,
              tenant.environment,
              tenant.clusters.join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Box>
        <TenantStatusChip status={tenant.status} />
        <Box width={220}>
          <QuotaBar ratio={tenant.quotaPressure} />
        </Box>
      </Box>
    </ListItem>
  );
}

/** "Our tenants" on a Group's page: its tenants with status and quota pressure. */
export function EntityGroupTenantsCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(kubeyardApiRef);
  const tenantsLink = useRouteRef(tenantsRouteRef);
  const createLink = useRouteRef(createTenantRouteRef);
  const state = usePolling(() => api.listTenants(), [api]);
  const deepLink = tenantsLink && {
    title: 'Open in Kubeyard',
    link: `${tenantsLink()}?owner=${encodeURIComponent(groupRef)}`,
  };
  return (
    <InfoCard title="Our tenants" deepLink={deepLink || undefined}>
      <PollingContent state={state}>
        {({ tenants }) => {
          const ours = tenants
            .filter(t => isOwnedBy(t, groupRef))
            .sort((a, b) => a.name.localeCompare(b.name));
          if (ours.length === 0) {
            return (
              <Typography variant="body2" color="textSecondary">
                {entity.metadata.name} owns no tenants.{' '}
                <Link to={createLink?.() ?? '/create'}>Request a tenant</Link>{' '}
                with the Kubernetes tenant template.
              </Typography>
            );
          }
          return (
            <List dense disablePadding>
              {ours.map(t => (
                <TenantRow key={t.name} tenant={t} />
              ))}
            </List>
          );
        }}
      </PollingContent>
    </InfoCard>
  );
}

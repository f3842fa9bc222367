import { InfoCard } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { KUBEYARD_LABELS } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { tenantRouteRef } from '../../routes';
import {
  ClusterLink,
  PollingContent,
  QuotaBar,
  TenantStatusChip,
} from '../shared';
import { ClusterQuota } from '../TenantPage/ClusterQuota';
import { NamespacePhaseChip } from '../TenantPage/NamespacePhaseChip';

/** The annotation of a tenant's catalog entity that names the tenant in Kubeyard. */
export const TENANT_ANNOTATION = KUBEYARD_LABELS.tenant;

function TenantCardContent(props: { name: string }) {
  const { name } = props;
  const api = useApi(kubeyardApiRef);
  const tenantLink = useRouteRef(tenantRouteRef);
  const state = usePolling(() => api.getTenant(name), [api, name]);
  return (
    <InfoCard
      title="Tenant"
      subheader={name}
      action={
        state.value && (
          <Box mt={1} mr={1}>
            <TenantStatusChip status={state.value.status} />
          </Box>
        )
      }
      deepLink={
        tenantLink && { title: 'Open in Kubeyard', link: tenantLink({ name }) }
      }
    >
      <PollingContent state={state}>
        {tenant => (
          <>
            <Box mb={2}>
              <Typography
                variant="overline"
                color="textSecondary"
                component="div"
              >
                Quota headroom (fullest key, all clusters)
              </Typography>
              <QuotaBar ratio={tenant.quotaPressure} />
            </Box>
            {tenant.clusterStatus.map(status => (
              <Box key={status.cluster} mb={2}>
                <Box
                  display="flex"
                  alignItems="center"
                  style={{ gap: 8 }}
                  mb={1}
                >
                  <Typography variant="subtitle2">
                    <ClusterLink name={status.cluster} />
                  </Typography>
                  <NamespacePhaseChip phase={status.phase} />
                </Box>
                <ClusterQuota quota={status.quota} limit={3} />
              </Box>
            ))}
          </>
        )}
      </PollingContent>
    </InfoCard>
  );
}

/** The "Tenant" card of a tenant's catalog entity: status, clusters and quota per cluster. */
export function EntityTenantCard() {
  const { entity } = useEntity();
  const name = entity.metadata.annotations?.[TENANT_ANNOTATION];
  if (!name) {
    return <MissingAnnotationEmptyState annotation={TENANT_ANNOTATION} />;
  }
  return <TenantCardContent name={name} />;
}

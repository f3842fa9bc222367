import { HeaderLabel, InfoCard } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import {
  tenantDeletePermission,
  tenantNamespace,
  type TenantDetail,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { useState } from 'react';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { tenantRouteRef, tenantsRouteRef } from '../../routes';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { FindingsList, PollingContent, TenantStatusChip } from '../shared';
import { PermissionGatedButton } from '../shared/PermissionGatedButton';
import { DecommissionDialog } from './DecommissionDialog';
import { HistoryCard } from './HistoryCard';
import { TenantClusterCard } from './TenantClusterCard';
import { TenantSpecCard } from './TenantSpecCard';
import { TenantUsersCard } from './TenantUsersCard';
import { VerifyCard } from './VerifyCard';

function StatusBanner(props: { tenant: TenantDetail }) {
  const { tenant } = props;
  if (tenant.status === 'Failed') {
    const failed = [...tenant.history]
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
      .find(o => o.status === 'failed');
    return (
      <Alert severity="error">
        The last operation failed
        {failed?.error ? `: ${failed.error}` : ''}. Applying the tenant again
        resumes it where it stopped.
      </Alert>
    );
  }
  if (tenant.status === 'Terminating') {
    return (
      <Alert severity="warning">{tenant.name} is being decommissioned.</Alert>
    );
  }
  if (tenant.status === 'Pending') {
    return (
      <Alert severity="info">{tenant.name} has not been applied yet.</Alert>
    );
  }
  return null;
}

/**
 * One tenant at /kubeyard/tenants/:name: status and quota per cluster, spec, users,
 * findings, verify, history and decommissioning.
 */
export function TenantPage() {
  const { name } = useRouteRefParams(tenantRouteRef);
  const api = useApi(kubeyardApiRef);
  const tenantsLink = useRouteRef(tenantsRouteRef);
  const state = usePolling(() => api.getTenant(name), [api, name]);
  const [decommissioning, setDecommissioning] = useState(false);
  const deletePermission = usePermission({ permission: tenantDeletePermission, resourceRef: name });
  const tenant = state.value;
  return (
    <KubeyardLayout
      tab="tenants"
      title={name}
      subtitle={tenant?.displayName}
      type="Tenants"
      typeLink={tenantsLink?.()}
      headerLabels={
        tenant && (
          <>
            <HeaderLabel
              label="Status"
              value={<TenantStatusChip status={tenant.status} />}
            />
            <HeaderLabel
              label="Owner"
              value={
                <EntityRefLink entityRef={tenant.owner} defaultKind="group" />
              }
            />
          </>
        )
      }
    >
      <PollingContent state={state}>
        {detail => (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <Box display="flex" alignItems="center" style={{ gap: 16 }}>
                <Box flexGrow={1}>
                  <StatusBanner tenant={detail} />
                </Box>
                <PermissionGatedButton
                  variant="outlined"
                  color="secondary"
                  startIcon={<DeleteIcon />}
                  onClick={() => setDecommissioning(true)}
                  disabled={detail.status === 'Terminating'}
                  permission={deletePermission}
                  deniedReason="Only the platform team may decommission tenants (kubeyard.tenant.delete)."
                >
                  Decommission
                </PermissionGatedButton>
              </Box>
              <DecommissionDialog
                tenant={{
                  name: detail.name,
                  clusters: detail.clusters,
                  namespace: tenantNamespace(detail.spec),
                }}
                open={decommissioning}
                onClose={() => setDecommissioning(false)}
                onStarted={() => state.refresh()}
              />
            </Grid>
            {detail.clusterStatus.map(status => (
              <Grid item xs={12} md={6} key={status.cluster}>
                <TenantClusterCard status={status} />
              </Grid>
            ))}
            <Grid item xs={12} md={6}>
              <TenantSpecCard spec={detail.spec} />
            </Grid>
            <Grid item xs={12} md={6}>
              <TenantUsersCard spec={detail.spec} />
            </Grid>
            <Grid item xs={12}>
              <InfoCard title={`Findings (${detail.findings.length})`}>
                <FindingsList
                  findings={detail.findings}
                  showCluster
                  emptyText="No findings: the tenant matches its spec on every cluster."
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <VerifyCard tenant={detail.name} clusters={detail.clusters} />
            </Grid>
            <Grid item xs={12}>
              <HistoryCard history={detail.history} />
            </Grid>
          </Grid>
        )}
      </PollingContent>
    </KubeyardLayout>
  );
}

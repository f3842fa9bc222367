import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { usePermission } from '@backstage/plugin-permission-react';
import { tenantUpdatePermission } from '@kubeyard/backstage-plugin-kubeyard-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { PermissionGatedButton } from '../shared/PermissionGatedButton';
import { VerifyReportView } from './VerifyReportView';

const VERIFY_DENIED =
  'Only members of the owning group and the platform team may verify this tenant (kubeyard.tenant.update).';

/**
 * Runs verify on demand: SubjectAccessReviews per role, the NetworkPolicy reachability
 * proof, quota and limit presence on every cluster; then shows the report.
 */
export function VerifyCard(props: { tenant: string; clusters: string[] }) {
  const { tenant, clusters } = props;
  const api = useApi(kubeyardApiRef);
  const [state, verify] = useAsyncFn(
    () => api.verifyTenant(tenant),
    [api, tenant],
  );
  const permission = usePermission({ permission: tenantUpdatePermission, resourceRef: tenant });
  return (
    <InfoCard
      title="Verify"
      subheader="Checks that the tenant is isolated as specified; every check states what it expects"
      action={
        <Box mt={1} mr={1}>
          <PermissionGatedButton
            variant="outlined"
            color="primary"
            onClick={() => verify()}
            disabled={state.loading}
            permission={permission}
            deniedReason={VERIFY_DENIED}
          >
            {state.value || state.error ? 'Verify again' : 'Verify'}
          </PermissionGatedButton>
        </Box>
      }
    >
      {state.loading && (
        <Box role="status">
          <LinearProgress aria-label="verifying" />
          <Typography variant="body2" color="textSecondary">
            Verifying {tenant} on {pluralize(clusters.length, 'cluster')}:
            access reviews per role, network reachability, quota and limits…
          </Typography>
        </Box>
      )}
      {!state.loading && state.error && (
        <ResponseErrorPanel error={state.error} />
      )}
      {!state.loading && state.value && (
        <VerifyReportView report={state.value} />
      )}
      {!state.loading && !state.value && !state.error && (
        <Typography variant="body2" color="textSecondary">
          Not verified yet. Verify asks each cluster, as each role of the
          tenant, what it may do inside and outside the tenant namespace, and
          proves from the NetworkPolicies which traffic is allowed.
        </Typography>
      )}
    </InfoCard>
  );
}

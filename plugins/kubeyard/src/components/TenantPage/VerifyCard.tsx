import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { VerifyReportView } from './VerifyReportView';

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
  return (
    <InfoCard
      title="Verify"
      subheader="Checks that the tenant is isolated as specified; every check states what it expects"
      action={
        <Box mt={1} mr={1}>
          <Button
            variant="outlined"
            color="primary"
            onClick={() => verify()}
            disabled={state.loading}
          >
            {state.value || state.error ? 'Verify again' : 'Verify'}
          </Button>
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

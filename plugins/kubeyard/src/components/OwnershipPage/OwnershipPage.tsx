import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { countFindings } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { FindingCountChips, PollingContent } from '../shared';
import { groupOwnershipFindings } from './ownershipGroups';
import { OwnershipGroupCard } from './OwnershipGroupCard';

/**
 * Ownership findings at /kubeyard/ownership, grouped by kind: namespaces without owner,
 * owners that are not Groups, label vs catalog drift, tenants missing from a cluster.
 */
export function OwnershipPage() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.getOwnershipFindings(), [api]);
  return (
    <KubeyardLayout
      tab="ownership"
      subtitle="Who owns what on the clusters, checked against the catalog"
    >
      <PollingContent state={state}>
        {({ findings }) => {
          if (findings.length === 0) {
            return (
              <EmptyState
                missing="data"
                title="No ownership findings"
                description="Every namespace carries a kubeyard.io/owner label naming a catalog Group, the labels agree with the catalog, and every tenant is on all the clusters of its spec."
              />
            );
          }
          const groups = groupOwnershipFindings(findings);
          return (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <Box display="flex" alignItems="center" style={{ gap: 16 }}>
                  <Typography variant="body1">
                    {pluralize(findings.length, 'finding')} in{' '}
                    {pluralize(groups.length, 'group')}
                  </Typography>
                  <FindingCountChips counts={countFindings(findings)} />
                </Box>
              </Grid>
              {groups.map(group => (
                <Grid item xs={12} key={group.id}>
                  <OwnershipGroupCard group={group} />
                </Grid>
              ))}
            </Grid>
          );
        }}
      </PollingContent>
    </KubeyardLayout>
  );
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { usePolling } from '../../hooks/usePolling';
import { PollingContent } from '../shared';
import { EntityClusterCard } from './EntityClusterCard';
import { EntityClustersEmptyState } from './EntityClustersEmptyState';

/** The "Clusters" tab of a Component: its workloads, pods and findings on every cluster. */
export function EntityClustersContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(kubeyardApiRef);
  const state = usePolling(
    () => api.getEntityWorkloads(entityRef),
    [api, entityRef],
  );
  return (
    <PollingContent state={state}>
      {response => {
        // Clusters that are down are shown even without workloads: nobody knows what runs there.
        const shown = response.clusters.filter(
          c => c.workloads.length > 0 || c.sync.error !== undefined,
        );
        if (shown.length === 0) {
          return (
            <EntityClustersEmptyState
              entityName={entity.metadata.name}
              selector={response.selector}
            />
          );
        }
        const running = shown.filter(c => c.workloads.length > 0).length;
        return (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <Typography variant="body1">
                {entity.metadata.name} runs on {pluralize(running, 'cluster')}
                {shown.length > running &&
                  `; ${pluralize(
                    shown.length - running,
                    'cluster',
                  )} could not be checked`}
                .
              </Typography>
            </Grid>
            {shown.map(c => (
              <Grid item xs={12} key={c.cluster}>
                <EntityClusterCard
                  cluster={c.cluster}
                  sync={c.sync}
                  workloads={c.workloads}
                />
              </Grid>
            ))}
          </Grid>
        );
      }}
    </PollingContent>
  );
}

import { useApi } from '@backstage/frontend-plugin-api';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { PollingContent } from '../shared';
import { FleetEmptyState } from './FleetEmptyState';
import { FleetSummary } from './FleetSummary';
import { FleetTable } from './FleetTable';

/** The fleet overview at /kubeyard: every cluster's health, capacity and findings. */
export function FleetPage() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.getClusters(), [api]);
  return (
    <KubeyardLayout
      tab="fleet"
      subtitle="Clusters of the fleet, refreshed every 15 s"
    >
      <PollingContent state={state}>
        {({ clusters }) =>
          clusters.length === 0 ? (
            <FleetEmptyState />
          ) : (
            <>
              <FleetSummary clusters={clusters} />
              <FleetTable clusters={clusters} />
            </>
          )
        }
      </PollingContent>
    </KubeyardLayout>
  );
}

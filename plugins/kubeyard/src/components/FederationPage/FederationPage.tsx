import { useApi } from '@backstage/frontend-plugin-api';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { PollingContent } from '../shared';
import { FederationEmptyState } from './FederationEmptyState';
import { FederationMatrix } from './FederationMatrix';

/** Federated workloads at /kubeyard/federation: each workload's placement on each cluster. */
export function FederationPage() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.getFederation(), [api]);
  return (
    <KubeyardLayout
      tab="federation"
      subtitle="KubeFed and Karmada workloads across clusters"
    >
      <PollingContent state={state}>
        {({ workloads }) =>
          workloads.length === 0 ? (
            <FederationEmptyState />
          ) : (
            <FederationMatrix workloads={workloads} />
          )
        }
      </PollingContent>
    </KubeyardLayout>
  );
}

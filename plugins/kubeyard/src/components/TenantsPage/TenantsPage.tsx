import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import { useSearchParams } from 'react-router-dom';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { usePolling } from '../../hooks/usePolling';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { PollingContent } from '../shared';
import { OwnerFilter } from './OwnerFilter';
import { QuotaAlerts } from './QuotaAlerts';
import { TenantsEmptyState } from './TenantsEmptyState';
import { TenantsTable } from './TenantsTable';

function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/**
 * The tenants at /kubeyard/tenants, filtered by `?owner=group:default/team-a`: owner,
 * clusters, tier, status and quota headroom with alerts at 80 and 90 %.
 */
export function TenantsPage() {
  const api = useApi(kubeyardApiRef);
  const state = usePolling(() => api.listTenants(), [api]);
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const setOwner = (value: string) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        if (value) next.set('owner', value);
        else next.delete('owner');
        return next;
      },
      { replace: true },
    );
  return (
    <KubeyardLayout
      tab="tenants"
      subtitle="Tenants of every team, refreshed every 15 s"
    >
      <PollingContent state={state}>
        {({ tenants }) => {
          if (tenants.length === 0) return <TenantsEmptyState />;
          const owners = [...new Set(tenants.map(t => t.owner))].sort();
          const shown = owner
            ? tenants.filter(t => sameRef(t.owner, owner))
            : tenants;
          return (
            <>
              <QuotaAlerts tenants={shown} />
              <Box mb={2}>
                <OwnerFilter
                  owners={owners}
                  value={owners.find(o => sameRef(o, owner)) ?? owner}
                  onChange={setOwner}
                />
              </Box>
              <TenantsTable
                tenants={shown}
                emptyText={`No tenants owned by ${owner}.`}
              />
            </>
          );
        }}
      </PollingContent>
    </KubeyardLayout>
  );
}

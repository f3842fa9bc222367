import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  costQueryString,
  type CostReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { COST_REFRESH_INTERVAL_MS, usePolling } from '../../hooks/usePolling';
import { useNow } from '../../hooks/useNow';
import { KubeyardLayout } from '../KubeyardLayout/KubeyardLayout';
import { FindingsList, PollingContent } from '../shared';
import { BudgetBar } from './BudgetBar';
import { CostChart } from './CostChart';
import { CostExportButton } from './CostExportButton';
import { CostFilterChips } from './CostFilterChips';
import { CostSourcesNotice } from './CostSourcesNotice';
import { CostSummary } from './CostSummary';
import { CostTable } from './CostTable';
import { CostsEmptyState } from './CostsEmptyState';
import { GROUP_BY_LABELS } from './costLabels';
import { GroupBySwitch } from './GroupBySwitch';
import { PeriodPicker } from './PeriodPicker';
import { useCostSearchParams } from './useCostSearchParams';

function Budgets(props: { report: CostReport }) {
  const { budgets, currency } = props.report;
  return (
    <InfoCard title={`Budgets, month to date (${budgets.length})`}>
      {budgets.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No budget covers these costs. Tenants take one from
          spec.monthlyBudget; Groups from kubeyard.costs.budgets.groups in the
          backend&apos;s configuration or the Group&apos;s
          kubeyard.io/monthly-budget annotation.
        </Typography>
      ) : (
        budgets.map(b => (
          <BudgetBar
            key={`${b.kind}:${b.key}`}
            budget={b}
            currency={currency}
          />
        ))
      )}
    </InfoCard>
  );
}

function Report(props: { report: CostReport }) {
  const { report } = props;
  const groupBy =
    GROUP_BY_LABELS[report.query.groupBy].toLocaleLowerCase('en-US');
  return (
    <>
      <CostSourcesNotice report={report} />
      {report.groups.length === 0 ? (
        <CostsEmptyState report={report} />
      ) : (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <CostSummary report={report} />
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title={`Daily cost by ${groupBy}`}
              subheader="The five most expensive, the rest as Other; unallocated and idle apart"
            >
              <CostChart report={report} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <CostTable report={report} />
          </Grid>
          <Grid item xs={12} md={6}>
            <Budgets report={report} />
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title={`Findings (${report.findings.length})`}>
              <FindingsList
                findings={report.findings}
                showCluster
                emptyText="No cost findings."
              />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </>
  );
}

/**
 * Costs at /kubeyard/costs: a window and a grouping (kept in the URL), the daily stack, the
 * table with totals, budgets, findings and the CSV export.
 */
export function CostsPage() {
  const api = useApi(kubeyardApiRef);
  // The presets move at midnight UTC; a minute is close enough.
  const now = useNow(60_000);
  const [view, change] = useCostSearchParams(now);
  const { query } = view;
  const key = query ? costQueryString(query) : '';
  const state = usePolling(
    () => (query ? api.getCosts(query) : Promise.resolve(undefined)),
    [api, key],
    COST_REFRESH_INTERVAL_MS,
  );
  return (
    <KubeyardLayout
      tab="costs"
      title="Costs"
      subtitle="Allocated Kubernetes cost by catalog owner (OpenCost vocabulary)"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-start"
        justifyContent="space-between"
        mb={2}
        style={{ gap: 16 }}
      >
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="flex-start"
          style={{ gap: 16 }}
        >
          <PeriodPicker view={view} now={now} onChange={change} />
          <GroupBySwitch
            value={view.groupBy}
            onChange={groupBy => change({ groupBy })}
          />
          <CostFilterChips view={view} onChange={change} />
        </Box>
        {query && <CostExportButton query={query} />}
      </Box>
      {query ? (
        <PollingContent state={state}>
          {report => report && <Report report={report} />}
        </PollingContent>
      ) : (
        <Alert severity="info">Choose a valid period to see costs.</Alert>
      )}
    </KubeyardLayout>
  );
}

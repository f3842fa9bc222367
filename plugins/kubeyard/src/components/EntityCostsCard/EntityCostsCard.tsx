import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  costQueryString,
  KUBERNETES_ID_ANNOTATION,
  type CostGroupBy,
  type CostQuery,
  type CostReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { formatCurrency } from '../../format';
import { useNow } from '../../hooks/useNow';
import { COST_REFRESH_INTERVAL_MS, usePolling } from '../../hooks/usePolling';
import { costsRouteRef } from '../../routes';
import { BudgetBar } from '../CostsPage/BudgetBar';
import { presetWindow } from '../CostsPage/costPeriods';
import { CostSourcesNotice } from '../CostsPage/CostSourcesNotice';
import { GROUP_BY_LABELS } from '../CostsPage/costLabels';
import { PollingContent } from '../shared';
import { CostSparkline } from './CostSparkline';

/** What the card says about an entity's costs, by kind. */
interface CostSubject {
  groupBy: CostGroupBy;
  description: string;
  empty: string;
  budgetHint?: string;
}

function subjectOf(entity: Entity): CostSubject {
  switch (entity.kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return {
        groupBy: 'tenant',
        description: 'Tenants and namespaces this group owns',
        empty: `${entity.metadata.name} owns no namespace that cost anything in the last 30 days. Kubeyard attributes namespaces by their kubeyard.io/owner label, which tenants set to their owner.`,
        budgetHint:
          'No budget for this group: set one in kubeyard.costs.budgets.groups (backend configuration) or with the kubeyard.io/monthly-budget annotation.',
      };
    case 'resource':
      return {
        groupBy: 'namespace',
        description: "This tenant's namespaces",
        empty:
          'No cost recorded for this tenant in the last 30 days: its namespaces have not been sampled yet.',
        budgetHint:
          'No budget: set spec.monthlyBudget on the tenant to be warned before it is exceeded.',
      };
    default:
      return {
        groupBy: 'namespace',
        description: 'Workloads of this component',
        empty:
          "No cost recorded for this component's workloads in the last 30 days. Kubeyard finds them by the backstage.io/kubernetes-id label on their pods.",
      };
  }
}

const TOP = 3;

function CardContent(props: { report: CostReport; subject: CostSubject }) {
  const { report, subject } = props;
  const money = (amount: number) => formatCurrency(amount, report.currency);
  if (report.groups.length === 0) {
    return (
      <>
        <CostSourcesNotice report={report} compact />
        <Typography variant="body2" color="textSecondary">
          {subject.empty}
        </Typography>
      </>
    );
  }
  const days = Math.max(report.series.length, 1);
  return (
    <>
      <CostSourcesNotice report={report} compact />
      <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
        <Typography variant="h5" component="p" data-testid="entity-cost-total">
          {money(report.totals.totalCost)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          last 30 days, {money(report.totals.totalCost / days)} per day
        </Typography>
      </Box>
      <CostSparkline report={report} />
      <Box mt={1} mb={2}>
        <Typography variant="overline" color="textSecondary" component="div">
          By {GROUP_BY_LABELS[subject.groupBy].toLocaleLowerCase('en-US')}
        </Typography>
        {report.groups.slice(0, TOP).map(g => (
          <Box key={g.name} display="flex" justifyContent="space-between">
            <Typography variant="body2">{g.label}</Typography>
            <Typography variant="body2">{money(g.totalCost)}</Typography>
          </Box>
        ))}
        {report.groups.length > TOP && (
          <Typography variant="caption" color="textSecondary">
            and {report.groups.length - TOP} more
          </Typography>
        )}
      </Box>
      {report.budgets.map(b => (
        <BudgetBar
          key={`${b.kind}:${b.key}`}
          budget={b}
          currency={report.currency}
        />
      ))}
      {report.budgets.length === 0 && subject.budgetHint && (
        <Typography variant="caption" color="textSecondary">
          {subject.budgetHint}
        </Typography>
      )}
    </>
  );
}

function EntityCosts(props: { entity: Entity; subject: CostSubject }) {
  const { entity, subject } = props;
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(kubeyardApiRef);
  const costsLink = useRouteRef(costsRouteRef);
  const now = useNow(60_000);
  const query: CostQuery = {
    ...presetWindow('30d', now),
    groupBy: subject.groupBy,
    step: 'day',
    entityRef,
  };
  const key = costQueryString(query);
  const state = usePolling(
    () => api.getCosts(query),
    [api, key],
    COST_REFRESH_INTERVAL_MS,
  );
  const search = new URLSearchParams({ groupBy: subject.groupBy, entityRef });
  return (
    <InfoCard
      title="Costs"
      subheader={subject.description}
      deepLink={
        costsLink && {
          title: 'Open in Costs',
          link: `${costsLink()}?${search}`,
        }
      }
    >
      <PollingContent state={state}>
        {report => <CardContent report={report} subject={subject} />}
      </PollingContent>
    </InfoCard>
  );
}

/**
 * "Costs" on a Component (its workloads), a tenant Resource or a Group (its tenants): the last
 * 30 days, the daily trend, month-to-date against budgets, and a link to the Costs page with
 * the same filter.
 */
export function EntityCostsCard() {
  const { entity } = useEntity();
  const subject = subjectOf(entity);
  if (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    !entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION]
  ) {
    return (
      <InfoCard title="Costs" subheader={subject.description}>
        <MissingAnnotationEmptyState annotation={KUBERNETES_ID_ANNOTATION} />
      </InfoCard>
    );
  }
  return <EntityCosts entity={entity} subject={subject} />;
}

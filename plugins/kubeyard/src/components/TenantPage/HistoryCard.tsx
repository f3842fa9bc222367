import { InfoCard } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  formatDuration,
  formatRelativeTime,
  formatTimestamp,
  pluralize,
} from '../../format';
import { OperationStatusChip } from './OperationStatusChip';
import { OperationSteps } from './OperationSteps';

function OperationSummary(props: { operation: TenantOperation }) {
  const { operation } = props;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body1">
          <strong>{operation.kind}</strong> {operation.id}
        </Typography>
        <OperationStatusChip status={operation.status} />
      </Box>
      <Typography variant="caption" color="textSecondary">
        by {operation.initiator},{' '}
        <span title={formatTimestamp(operation.startedAt)}>
          {formatRelativeTime(operation.startedAt)}
        </span>
        {operation.finishedAt
          ? `, took ${formatDuration(
              operation.startedAt,
              operation.finishedAt,
            )}`
          : ', still running'}
        , {pluralize(operation.steps.length, 'step')}
      </Typography>
      {operation.error && (
        <Typography variant="body2" color="error">
          {operation.error}
        </Typography>
      )}
    </Box>
  );
}

/** The tenant's operations, newest first; each expands into its steps. */
export function HistoryCard(props: { history: TenantOperation[] }) {
  const history = [...props.history].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
  );
  return (
    <InfoCard title={`History (${history.length})`}>
      {history.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No operations recorded.
        </Typography>
      ) : (
        history.map(operation => (
          <Accordion
            key={operation.id}
            TransitionProps={{ unmountOnExit: true }}
            variant="outlined"
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              aria-controls={`operation-${operation.id}-steps`}
              id={`operation-${operation.id}`}
            >
              <OperationSummary operation={operation} />
            </AccordionSummary>
            <AccordionDetails id={`operation-${operation.id}-steps`}>
              <OperationSteps operation={operation} />
            </AccordionDetails>
          </Accordion>
        ))
      )}
    </InfoCard>
  );
}

import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatTimestamp } from '../../format';
import { StepStatusChip } from './OperationStatusChip';

/** The steps of an operation: one object on one cluster each, with its result and times. */
export function OperationSteps(props: { operation: TenantOperation }) {
  const { operation } = props;
  if (operation.steps.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No steps recorded.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`steps of ${operation.id}`}>
      <TableHead>
        <TableRow>
          <TableCell>Cluster</TableCell>
          <TableCell>Object</TableCell>
          <TableCell>Action</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Error</TableCell>
          <TableCell>Started</TableCell>
          <TableCell>Finished</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {operation.steps.map((step, index) => (
          <TableRow key={`${step.cluster}:${step.object}:${index}`}>
            <TableCell>{step.cluster}</TableCell>
            <TableCell>
              <code>{step.object}</code>
            </TableCell>
            <TableCell>{step.action}</TableCell>
            <TableCell>
              <StepStatusChip status={step.status} />
            </TableCell>
            <TableCell>
              {step.error && (
                <Typography variant="body2" color="error">
                  {step.error}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {step.startedAt ? formatTimestamp(step.startedAt) : '—'}
            </TableCell>
            <TableCell>
              {step.finishedAt ? formatTimestamp(step.finishedAt) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

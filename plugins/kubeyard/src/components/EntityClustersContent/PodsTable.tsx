import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { EntityWorkload } from '@kubeyard/backstage-plugin-kubeyard-common';

type Pod = EntityWorkload['pods'][number];

function Phase(props: { pod: Pod }) {
  const { phase, ready } = props.pod;
  // A crash-looping container keeps its pod Running; only readiness tells.
  if (phase === 'Running' && !ready)
    return <StatusWarning>{phase}</StatusWarning>;
  if (phase === 'Running' || phase === 'Succeeded')
    return <StatusOK>{phase}</StatusOK>;
  if (phase === 'Failed') return <StatusError>{phase}</StatusError>;
  return <StatusPending>{phase}</StatusPending>;
}

/** The pods of an entity's workloads on one cluster, where they run and how they fare. */
export function PodsTable(props: { workloads: EntityWorkload[] }) {
  const rows = props.workloads.flatMap(w =>
    w.pods.map(pod => ({
      workload: `${w.kind} ${w.name}`,
      namespace: w.namespace,
      pod,
    })),
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No pods.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="pods">
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell>Node</TableCell>
          <TableCell>Zone</TableCell>
          <TableCell>Phase</TableCell>
          <TableCell>Ready</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell>Waiting reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ workload, namespace, pod }) => (
          <TableRow key={`${namespace}/${pod.name}`}>
            <TableCell>
              {pod.name}
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {workload}
              </Typography>
            </TableCell>
            <TableCell>{pod.nodeName ?? 'unscheduled'}</TableCell>
            <TableCell>{pod.zone ?? '—'}</TableCell>
            <TableCell>
              <Phase pod={pod} />
            </TableCell>
            <TableCell>{pod.ready ? 'yes' : 'no'}</TableCell>
            <TableCell align="right">{pod.restarts}</TableCell>
            <TableCell>
              {pod.waitingReason ? (
                <StatusError>{pod.waitingReason}</StatusError>
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { EntityWorkload } from '@kubeyard/backstage-plugin-kubeyard-common';

function Readiness(props: { ready: number; desired: number }) {
  const text = `${props.ready}/${props.desired} ready`;
  if (props.ready >= props.desired) return <StatusOK>{text}</StatusOK>;
  if (props.ready === 0) return <StatusError>{text}</StatusError>;
  return <StatusWarning>{text}</StatusWarning>;
}

/** An entity's workloads on one cluster: kind, namespace, name, ready/desired. */
export function WorkloadsTable(props: { workloads: EntityWorkload[] }) {
  return (
    <Table size="small" aria-label="workloads">
      <TableHead>
        <TableRow>
          <TableCell>Kind</TableCell>
          <TableCell>Namespace</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Replicas</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.workloads.map(w => (
          <TableRow key={`${w.kind}/${w.namespace}/${w.name}`}>
            <TableCell>{w.kind}</TableCell>
            <TableCell>{w.namespace}</TableCell>
            <TableCell>{w.name}</TableCell>
            <TableCell>
              <Readiness ready={w.readyReplicas} desired={w.desiredReplicas} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

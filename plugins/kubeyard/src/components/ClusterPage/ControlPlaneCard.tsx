import { InfoCard, StatusError, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ControlPlaneSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import { pluralize } from '../../format';
import { describeQuorum } from './quorum';

function Ready(props: { ready: boolean }) {
  return props.ready ? (
    <StatusOK>Ready</StatusOK>
  ) : (
    <StatusError>NotReady</StatusError>
  );
}

/** Control-plane nodes and their zones, etcd members, and what quorum tolerates. */
export function ControlPlaneCard(props: { controlPlane: ControlPlaneSummary }) {
  const { nodes, etcdMembers, quorumTolerance, zones } = props.controlPlane;
  const readyMembers = etcdMembers.filter(m => m.ready).length;
  return (
    <InfoCard
      title="Control plane"
      subheader={`${pluralize(nodes.length, 'node')} in ${pluralize(
        zones.length,
        'zone',
      )}${zones.length ? `: ${zones.join(', ')}` : ''}`}
    >
      <Typography variant="subtitle2">Control-plane nodes</Typography>
      {nodes.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No node carries the control-plane role: the control plane is managed
          outside the cluster, or its nodes lack the
          node-role.kubernetes.io/control-plane label.
        </Typography>
      ) : (
        <Table size="small" aria-label="control-plane nodes">
          <TableHead>
            <TableRow>
              <TableCell>Node</TableCell>
              <TableCell>Zone</TableCell>
              <TableCell>Ready</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {nodes.map(node => (
              <TableRow key={node.name}>
                <TableCell>{node.name}</TableCell>
                <TableCell>{node.zone ?? '—'}</TableCell>
                <TableCell>
                  <Ready ready={node.ready} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">
          etcd members ({readyMembers}/{etcdMembers.length} ready)
        </Typography>
        {etcdMembers.length > 0 && (
          <Table size="small" aria-label="etcd members">
            <TableHead>
              <TableRow>
                <TableCell>Member</TableCell>
                <TableCell>Node</TableCell>
                <TableCell>Ready</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {etcdMembers.map(member => (
                <TableRow key={member.name}>
                  <TableCell>{member.name}</TableCell>
                  <TableCell>{member.node ?? '—'}</TableCell>
                  <TableCell>
                    <Ready ready={member.ready} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2">Quorum</Typography>
        {describeQuorum(etcdMembers.length, readyMembers, quorumTolerance).map(
          line => (
            <Typography variant="body2" key={line} paragraph>
              {line}
            </Typography>
          ),
        )}
      </Box>
    </InfoCard>
  );
}

import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { FindingObject } from '@kubeyard/backstage-plugin-kubeyard-common';
import { ClusterLink, SeverityIcon } from '../shared';
import type { OwnershipGroup } from './ownershipGroups';

function describeObject(object: FindingObject): string {
  const name = object.namespace
    ? `${object.namespace}/${object.name}`
    : object.name;
  return `${object.kind} ${name}`;
}

/** The findings of one id: cluster, object, what is wrong and how to fix it. */
export function OwnershipGroupCard(props: { group: OwnershipGroup }) {
  const { group } = props;
  return (
    <InfoCard
      title={`${group.title} (${group.findings.length})`}
      subheader={
        group.description ? `${group.description} · ${group.id}` : group.id
      }
    >
      <Table size="small" aria-label={group.title}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Cluster</TableCell>
            <TableCell>Object</TableCell>
            <TableCell>Message</TableCell>
            <TableCell>Fix</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {group.findings.map((finding, index) => (
            <TableRow
              key={`${finding.object.cluster}:${finding.object.kind}:${finding.object.namespace}:${finding.object.name}:${index}`}
            >
              <TableCell padding="checkbox">
                <SeverityIcon severity={finding.severity} />
              </TableCell>
              <TableCell>
                {finding.object.cluster ? (
                  <ClusterLink name={finding.object.cluster} />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>{describeObject(finding.object)}</TableCell>
              <TableCell>{finding.message}</TableCell>
              <TableCell>{finding.fix}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

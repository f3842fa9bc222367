import { StatusOK } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  Finding,
  FindingObject,
  FindingSeverity,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { SeverityIcon } from './SeverityIcon';

const ORDER: Record<FindingSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

function describeObject(object: FindingObject): string {
  const name = object.namespace
    ? `${object.namespace}/${object.name}`
    : object.name;
  return `${object.kind} ${name}`;
}

/** Findings, worst first: severity icon, what is wrong, the object, and how to fix it. */
export function FindingsList(props: {
  findings: Finding[];
  /** Shown when there are no findings. */
  emptyText?: string;
  /** Adds the cluster to the object line, for lists that span clusters. */
  showCluster?: boolean;
}) {
  const { findings, emptyText = 'No findings.', showCluster = false } = props;
  if (findings.length === 0) {
    return <StatusOK>{emptyText}</StatusOK>;
  }
  const sorted = [...findings].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity],
  );
  return (
    <List dense disablePadding>
      {sorted.map((finding, index) => (
        <ListItem
          key={`${finding.id}:${finding.object.kind}:${finding.object.namespace}:${finding.object.name}:${index}`}
          alignItems="flex-start"
          disableGutters
        >
          <ListItemIcon>
            <SeverityIcon severity={finding.severity} />
          </ListItemIcon>
          <ListItemText
            primary={finding.message}
            secondaryTypographyProps={{ component: 'div' }}
            secondary={
              <>
                <Typography variant="body2" component="div">
                  <strong>Fix:</strong> {finding.fix}
                </Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {describeObject(finding.object)}
                  {showCluster && finding.object.cluster
                    ? ` on ${finding.object.cluster}`
                    : ''}{' '}
                  · {finding.id}
                </Typography>
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

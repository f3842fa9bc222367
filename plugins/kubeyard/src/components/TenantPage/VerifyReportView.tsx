import Box from '@material-ui/core/Box';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import Alert from '@material-ui/lab/Alert';
import type {
  VerifyCheck,
  VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatDuration, formatRelativeTime, pluralize } from '../../format';

const CATEGORIES: Array<{ key: VerifyCheck['category']; title: string }> = [
  { key: 'rbac', title: 'RBAC (SubjectAccessReviews)' },
  { key: 'network', title: 'Network (NetworkPolicy reachability)' },
  { key: 'quota', title: 'Quota' },
  { key: 'limits', title: 'Limits' },
  { key: 'presence', title: 'Presence' },
];

const useStyles = makeStyles((theme: Theme) => ({
  pass: { color: theme.palette.status.ok, verticalAlign: 'middle' },
  fail: { color: theme.palette.status.error, verticalAlign: 'middle' },
  failedRow: { backgroundColor: theme.palette.errorBackground },
}));

function CheckTable(props: { title: string; checks: VerifyCheck[] }) {
  const classes = useStyles();
  // Failures first: they are what the reader came for.
  const checks = [...props.checks].sort(
    (a, b) => Number(a.pass) - Number(b.pass),
  );
  const failed = checks.filter(c => !c.pass).length;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">
        {props.title}: {pluralize(checks.length, 'check')}
        {failed > 0 ? `, ${failed} failed` : ', all passed'}
      </Typography>
      <Table size="small" aria-label={`${props.title} checks`}>
        <TableHead>
          <TableRow>
            <TableCell>Result</TableCell>
            <TableCell>Cluster</TableCell>
            <TableCell>Check</TableCell>
            <TableCell>Expected</TableCell>
            <TableCell>Actual</TableCell>
            <TableCell>Detail</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {checks.map((check, index) => (
            <TableRow
              key={`${check.cluster}:${check.name}:${index}`}
              className={check.pass ? undefined : classes.failedRow}
            >
              <TableCell>
                {check.pass ? (
                  <CheckCircleIcon
                    className={classes.pass}
                    titleAccess="pass"
                  />
                ) : (
                  <CancelIcon className={classes.fail} titleAccess="fail" />
                )}
              </TableCell>
              <TableCell>{check.cluster}</TableCell>
              <TableCell>{check.name}</TableCell>
              <TableCell>{check.expected}</TableCell>
              <TableCell>{check.actual}</TableCell>
              <TableCell>{check.detail ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** A verify report: a verdict, then the checks by category, each with expected and actual. */
export function VerifyReportView(props: { report: VerifyReport }) {
  const { report } = props;
  const total = report.passed + report.failed;
  const known = new Set(CATEGORIES.map(c => c.key));
  // Categories this UI does not know yet still show, after the known ones.
  const extra = [
    ...new Set(report.checks.map(c => c.category).filter(c => !known.has(c))),
  ].map(key => ({ key, title: key }));
  return (
    <>
      <Alert severity={report.failed > 0 ? 'error' : 'success'}>
        {report.failed > 0
          ? `${report.failed} of ${pluralize(
              total,
              'check',
            )} failed: the tenant is not isolated as specified.`
          : `All ${pluralize(total, 'check')} passed.`}{' '}
        Verified {formatRelativeTime(report.finishedAt)} in{' '}
        {formatDuration(report.startedAt, report.finishedAt)}.
      </Alert>
      {[...CATEGORIES, ...extra].map(({ key, title }) => {
        const checks = report.checks.filter(c => c.category === key);
        return checks.length === 0 ? null : (
          <CheckTable key={key} title={title} checks={checks} />
        );
      })}
    </>
  );
}

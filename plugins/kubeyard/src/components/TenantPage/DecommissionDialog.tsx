import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { useState } from 'react';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { pluralize } from '../../format';
import { describeError } from '../shared';
import { OperationStatusChip } from './OperationStatusChip';
import { OperationSteps } from './OperationSteps';

/**
 * Decommissions a tenant after its name is typed back. Without `force` the backend refuses
 * (409) while workloads run; forcing needs the delete permission on the tenant (403 otherwise).
 */
export function DecommissionDialog(props: {
  tenant: { name: string; clusters: string[]; namespace: string };
  open: boolean;
  onClose: () => void;
  /** Called once the backend accepted the decommission, e.g. to reload the page. */
  onStarted?: (operation: TenantOperation) => void;
}) {
  const { tenant, open, onClose, onStarted } = props;
  const api = useApi(kubeyardApiRef);
  const [typed, setTyped] = useState('');
  const [force, setForce] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const [operation, setOperation] = useState<TenantOperation>();

  const confirmed = typed === tenant.name;

  const close = () => {
    if (running) return;
    setTyped('');
    setForce(false);
    setError(undefined);
    setOperation(undefined);
    onClose();
  };

  const decommission = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const result = await api.deleteTenant(tenant.name, {
        confirm: typed,
        force,
      });
      setOperation(result);
      onStarted?.(result);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      maxWidth="md"
      fullWidth
      aria-labelledby="decommission-title"
    >
      <DialogTitle id="decommission-title">
        Decommission {tenant.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          This deletes the namespace {tenant.namespace} and everything in it
          (workloads, volumes, secrets) from{' '}
          {pluralize(tenant.clusters.length, 'cluster')} (
          {tenant.clusters.join(', ')}), and removes the tenant from the
          catalog. It cannot be undone.
        </DialogContentText>
        {operation ? (
          <Box>
            <Alert severity="success">
              Decommissioning accepted: operation {operation.id} is{' '}
              {operation.status}, {pluralize(operation.steps.length, 'step')}.
              The tenant page follows its progress.
            </Alert>
            <Box display="flex" alignItems="center" mt={2} mb={1}>
              <OperationStatusChip status={operation.status} />
            </Box>
            <OperationSteps operation={operation} />
          </Box>
        ) : (
          <>
            <TextField
              id="kubeyard-decommission-confirm"
              fullWidth
              margin="normal"
              variant="outlined"
              label={`Type ${tenant.name} to confirm`}
              value={typed}
              onChange={e => setTyped(e.target.value)}
              disabled={running}
              inputProps={{ autoComplete: 'off', spellCheck: false }}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={force}
                  onChange={e => setForce(e.target.checked)}
                  disabled={running}
                />
              }
              label="Force, even while workloads are running"
            />
            <FormHelperText>
              Without force, Kubeyard refuses to decommission while pods run in
              the tenant namespace, so nothing is stopped by mistake. With
              force, running workloads are deleted with the namespace; only
              those allowed to force a decommission (the platform team) may do
              that.
            </FormHelperText>
            {running && (
              <Box mt={2}>
                <LinearProgress aria-label="decommissioning" />
              </Box>
            )}
            {error && (
              <Box mt={2}>
                <Alert severity="error">{describeError(error)}</Alert>
              </Box>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={running}>
          {operation ? 'Close' : 'Cancel'}
        </Button>
        {!operation && (
          <Button
            variant="contained"
            color="secondary"
            onClick={decommission}
            disabled={!confirmed || running}
          >
            Decommission
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ClusterSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';

/** Why a cluster cannot take a tenant now, or undefined when it can. */
export function unavailableReason(cluster: ClusterSummary): string | undefined {
  if (cluster.status === 'unreachable') return `unreachable: ${cluster.sync.error ?? 'no answer'}`;
  if (cluster.sync.state === 'syncing') return 'still syncing';
  return undefined;
}

/**
 * Scaffolder field `KubeyardClusterPicker`: picks cluster names from Kubeyard's fleet
 * (/api/kubeyard/clusters), showing each cluster's status; unreachable clusters cannot be picked.
 */
export function KubeyardClusterPicker(props: FieldExtensionComponentProps<string[]>) {
  const { formData, onChange, required, rawErrors, schema, idSchema, disabled } = props;
  const api = useApi(kubeyardApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  const clusters = value?.clusters ?? [];
  // RJSF seeds array fields with empty items; only real cluster names are a selection.
  const selected = (formData ?? []).filter((name): name is string => typeof name === 'string' && name.length > 0);
  const dirty = (formData ?? []).length !== selected.length;
  useEffect(() => {
    if (dirty) onChange(selected);
  }, [dirty, onChange, selected]);
  const helper = error
    ? `The cluster list could not be loaded: ${error.message}`
    : schema.description;
  return (
    <FormControl margin="normal" required={required} error={Boolean(rawErrors?.length) || Boolean(error)} fullWidth>
      <Autocomplete<string, true>
        id={idSchema?.$id}
        multiple
        loading={loading}
        disabled={disabled}
        options={clusters.map(c => c.name)}
        value={selected}
        onChange={(_event, names) => onChange(names)}
        getOptionDisabled={name => {
          const cluster = clusters.find(c => c.name === name);
          return !cluster || unavailableReason(cluster) !== undefined;
        }}
        renderOption={name => {
          const cluster = clusters.find(c => c.name === name);
          const reason = cluster ? unavailableReason(cluster) : 'unknown';
          const facts = cluster ? `${cluster.version ?? ''} · ${cluster.status} · ${cluster.zones.join(', ') || 'no zones'}` : '';
          return <span>{name} <small>{reason ? `(${reason})` : facts}</small></span>;
        }}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title ?? 'Clusters'}
            required={required && selected.length === 0}
            variant="outlined"
            margin="dense"
          />
        )}
      />
      {helper && <FormHelperText>{helper}</FormHelperText>}
    </FormControl>
  );
}

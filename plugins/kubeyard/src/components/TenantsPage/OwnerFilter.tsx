import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';

function ownerLabel(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/** Picks one owning Group of the tenants, or all of them (the empty value). */
export function OwnerFilter(props: {
  owners: string[];
  value: string;
  onChange: (owner: string) => void;
}) {
  const { owners, value, onChange } = props;
  // Keep a selected owner listed even when it no longer owns a tenant.
  const options =
    value && !owners.includes(value) ? [value, ...owners] : owners;
  return (
    <TextField
      id="kubeyard-owner-filter"
      select
      label="Owner"
      variant="outlined"
      size="small"
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 240 }}
    >
      <option value="">All owners</option>
      {options.map(owner => (
        <option key={owner} value={owner}>
          {ownerLabel(owner)}
        </option>
      ))}
    </TextField>
  );
}

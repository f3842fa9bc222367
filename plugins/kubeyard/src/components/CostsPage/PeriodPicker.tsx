import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import {
  COST_PERIODS,
  inclusiveDays,
  isCostPeriod,
  presetWindow,
} from './costPeriods';
import type { CostView, CostViewChange } from './useCostSearchParams';

/**
 * The window: a preset (last 7/30/90 days, this month, last month) or a custom range of UTC
 * days, with what is wrong with it under the inputs.
 */
export function PeriodPicker(props: {
  view: CostView;
  now: number;
  onChange: (change: CostViewChange) => void;
}) {
  const { view, now, onChange } = props;
  const choose = (value: string) => {
    if (!isCostPeriod(value)) return;
    if (value !== 'custom') {
      onChange({ period: value, first: undefined, last: undefined });
      return;
    }
    // Start the custom range from the window shown, so it is valid at once.
    const { first, last } = inclusiveDays(
      view.window ?? presetWindow('30d', now),
    );
    onChange({
      period: value,
      first: view.first || first,
      last: view.last || last,
    });
  };
  return (
    <Box
      display="flex"
      alignItems="flex-start"
      flexWrap="wrap"
      style={{ gap: 16 }}
    >
      <TextField
        id="kubeyard-cost-period"
        select
        label="Period (UTC days)"
        variant="outlined"
        size="small"
        value={view.period}
        onChange={event => choose(event.target.value)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        style={{ minWidth: 180 }}
      >
        {COST_PERIODS.map(p => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </TextField>
      {view.period === 'custom' && (
        <>
          <TextField
            id="kubeyard-cost-from"
            label="First day"
            type="date"
            variant="outlined"
            size="small"
            value={view.first}
            onChange={event => onChange({ first: event.target.value })}
            error={!!view.errors.from}
            helperText={view.errors.from}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            id="kubeyard-cost-to"
            label="Last day"
            type="date"
            variant="outlined"
            size="small"
            value={view.last}
            onChange={event => onChange({ last: event.target.value })}
            error={!!view.errors.to}
            helperText={view.errors.to}
            InputLabelProps={{ shrink: true }}
          />
        </>
      )}
    </Box>
  );
}

import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import {
  COST_FILTERS,
  type CostFilter,
  type CostView,
  type CostViewChange,
} from './useCostSearchParams';

const FILTER_LABELS: Record<CostFilter, string> = {
  entityRef: 'Entity',
  owner: 'Owner',
  tenant: 'Tenant',
  cluster: 'Cluster',
  namespace: 'Namespace',
};

/** The filters of the view (from a card's link or a shared URL), each removable. */
export function CostFilterChips(props: {
  view: CostView;
  onChange: (change: CostViewChange) => void;
}) {
  const active = COST_FILTERS.filter(name => props.view.filters[name]);
  if (active.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {active.map(name => (
        <Chip
          key={name}
          size="small"
          label={`${FILTER_LABELS[name]}: ${props.view.filters[name]}`}
          onDelete={() => props.onChange({ [name]: undefined })}
        />
      ))}
    </Box>
  );
}

import {
  COST_GROUP_BYS,
  type CostGroupBy,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { GROUP_BY_LABELS } from './costLabels';

/** Switches what the report groups by: owner, tenant, namespace, cluster or cost center. */
export function GroupBySwitch(props: {
  value: CostGroupBy;
  onChange: (groupBy: CostGroupBy) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value}
      aria-label="Group by"
      // A click on the selected button sends null: keep the grouping.
      onChange={(_event, value: CostGroupBy | null) =>
        value && props.onChange(value)
      }
    >
      {COST_GROUP_BYS.map(groupBy => (
        <ToggleButton key={groupBy} value={groupBy}>
          {GROUP_BY_LABELS[groupBy]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

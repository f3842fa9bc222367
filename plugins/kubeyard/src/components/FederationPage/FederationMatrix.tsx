import { Table, TableColumn } from '@backstage/core-components';
import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { FederatedWorkload } from '@kubeyard/backstage-plugin-kubeyard-common';
import { ClusterLink } from '../shared';
import { ConditionChips } from './ConditionChips';
import { PlacementCell } from './PlacementCell';
import { PlacementSourceChip } from './PlacementSourceChip';

/** Every cluster any workload is placed on, sorted, for the matrix columns. */
export function memberClusters(workloads: FederatedWorkload[]): string[] {
  const names = new Set<string>();
  for (const workload of workloads) {
    for (const placement of workload.placements) names.add(placement.cluster);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

function workloadId(w: FederatedWorkload): string {
  return `${w.source}:${w.hostCluster}:${w.kind}:${w.namespace}/${w.name}`;
}

/** Federated workloads × member clusters: per cell ready/desired, applied and health. */
export function FederationMatrix(props: { workloads: FederatedWorkload[] }) {
  const { workloads } = props;
  const clusterKey = JSON.stringify(memberClusters(workloads));
  // Stable columns across refreshes, so the table keeps its sort order.
  const columns = useMemo(
    () => buildColumns(JSON.parse(clusterKey)),
    [clusterKey],
  );
  return (
    <Table<FederatedWorkload>
      title={`Federated workloads (${workloads.length})`}
      columns={columns}
      data={workloads}
      options={{
        paging: workloads.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: true,
      }}
    />
  );
}

function buildColumns(clusters: string[]): TableColumn<FederatedWorkload>[] {
  return [
    {
      title: 'Workload',
      field: 'name',
      highlight: true,
      customFilterAndSearch: (term, w) =>
        workloadId(w)
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
      render: w => (
        <Box>
          <Typography variant="body2">
            <strong>{w.name}</strong>
          </Typography>
          <Typography variant="caption" color="textSecondary" component="div">
            {w.kind} in {w.namespace}
          </Typography>
          {w.entityRef && <EntityRefLink entityRef={w.entityRef} />}
        </Box>
      ),
    },
    {
      title: 'Source',
      field: 'source',
      render: w => <PlacementSourceChip source={w.source} />,
    },
    {
      title: 'Host cluster',
      field: 'hostCluster',
      render: w => <ClusterLink name={w.hostCluster} />,
    },
    {
      title: 'Desired',
      field: 'totalDesiredReplicas',
      type: 'numeric',
      emptyValue: '—',
    },
    ...clusters.map(
      (cluster): TableColumn<FederatedWorkload> => ({
        title: <ClusterLink name={cluster} />,
        sorting: false,
        render: w => (
          <PlacementCell
            placement={w.placements.find(p => p.cluster === cluster)}
          />
        ),
      }),
    ),
    {
      title: 'Conditions',
      sorting: false,
      render: w => <ConditionChips conditions={w.conditions} />,
    },
  ];
}

import { Gauge, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ClusterSummary } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ReactNode } from 'react';
import { formatBytes, formatCores } from '../../format';
import {
  ClusterStatusChip,
  FindingCountChips,
  SyncChip,
  usageColor,
} from '../shared';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} sm={4}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Box>{props.children}</Box>
    </Grid>
  );
}

function UsageGauge(props: {
  label: string;
  requested: number;
  allocatable: number;
  format: (value: number) => string;
}) {
  const { label, requested, allocatable, format } = props;
  return (
    <Box textAlign="center" width={140}>
      <Gauge
        value={allocatable > 0 ? requested / allocatable : NaN}
        getColor={usageColor}
        size="small"
      />
      <Typography variant="body2">{label}</Typography>
      <Typography variant="caption" color="textSecondary">
        {format(requested)} of {format(allocatable)}
      </Typography>
    </Box>
  );
}

/** Status, sync, version, sizes and requested-vs-allocatable gauges of one cluster. */
export function ClusterOverviewCard(props: { summary: ClusterSummary }) {
  const { summary } = props;
  return (
    <InfoCard title="Overview">
      <Grid container spacing={2}>
        <Field label="Status">
          <ClusterStatusChip status={summary.status} />
        </Field>
        <Field label="Sync">
          <SyncChip sync={summary.sync} />
        </Field>
        <Field label="Version">{summary.version ?? '—'}</Field>
        <Field label="Nodes">
          {summary.nodes.ready}/{summary.nodes.total} ready
        </Field>
        <Field label="Zones">
          {summary.zones.join(', ') || 'none labelled'}
        </Field>
        <Field label="Pods / namespaces">
          {summary.pods} / {summary.namespaces}
        </Field>
        <Field label="Findings">
          <FindingCountChips counts={summary.findings} />
        </Field>
      </Grid>
      <Box display="flex" justifyContent="space-around" mt={2} flexWrap="wrap">
        <UsageGauge
          label="CPU requested"
          requested={summary.cpu.requestedCores}
          allocatable={summary.cpu.allocatableCores}
          format={formatCores}
        />
        <UsageGauge
          label="Memory requested"
          requested={summary.memory.requestedBytes}
          allocatable={summary.memory.allocatableBytes}
          format={formatBytes}
        />
      </Box>
    </InfoCard>
  );
}

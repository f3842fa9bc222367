import { InfoCard } from '@backstage/core-components';
import type { Finding } from '@kubeyard/backstage-plugin-kubeyard-common';
import { FindingsList } from '../shared';

/** A cluster's findings, worst first, each with its fix. */
export function ClusterFindingsCard(props: { findings: Finding[] }) {
  return (
    <InfoCard title={`Findings (${props.findings.length})`}>
      <FindingsList
        findings={props.findings}
        emptyText="No findings: control plane, nodes and workloads pass every rule."
      />
    </InfoCard>
  );
}

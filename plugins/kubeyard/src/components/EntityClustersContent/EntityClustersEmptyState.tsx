import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import type { EntityWorkloadsResponse } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Shown when no cluster runs a workload of the entity: how workloads are matched. */
export function EntityClustersEmptyState(props: {
  entityName: string;
  selector: EntityWorkloadsResponse['selector'];
}) {
  const { entityName, selector } = props;
  const matched = selector.labelSelector
    ? `label selector ${selector.labelSelector}`
    : `backstage.io/kubernetes-id=${selector.kubernetesId ?? entityName}`;
  const example = `metadata:
  annotations:
    backstage.io/kubernetes-id: ${selector.kubernetesId ?? entityName}
    # or: backstage.io/kubernetes-label-selector: 'app=${entityName}'
    # optional: backstage.io/kubernetes-namespace: payments`;
  return (
    <EmptyState
      missing="info"
      title={`No workloads of ${entityName} on any cluster`}
      description={`Kubeyard looked for Deployments, StatefulSets and DaemonSets matching ${matched}${
        selector.namespace ? ` in namespace ${selector.namespace}` : ''
      }, as Backstage's Kubernetes plugin does. Annotate the entity and label the workloads (and their pod templates) with the same id.`}
      action={
        <Box maxWidth={560}>
          <CodeSnippet language="yaml" text={example} showCopyCodeButton />
        </Box>
      }
    />
  );
}

import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';

const EXAMPLE = `kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: prod-eu-west
          url: https://prod-eu-west.example.com:6443
          authProvider: serviceAccount
          serviceAccountToken: \${K8S_PROD_EU_WEST_TOKEN}`;

/** Shown when the backend knows no clusters: how to configure them. */
export function FleetEmptyState() {
  return (
    <EmptyState
      missing="data"
      title="No clusters yet"
      description="Kubeyard reads its clusters from kubernetes.clusterLocatorMethods in app-config.yaml, the same settings as Backstage's Kubernetes plugin. Add a cluster there and restart the backend; it appears here once the first sync completes."
      action={
        <Box maxWidth={560}>
          <CodeSnippet language="yaml" text={EXAMPLE} showCopyCodeButton />
        </Box>
      }
    />
  );
}

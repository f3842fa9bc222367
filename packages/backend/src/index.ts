/*
 * Kubeyard's reference backend: the Backstage plugins a platform portal needs, wired with the
 * new backend system. Kubeyard's own plugins are added below as they land.
 */
import { createBackend } from '@backstage/backend-defaults';
import { permissionPolicyModule } from './permissions';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth: guest sign-in for the demo. To use a real provider, add its module here (for example
// @backstage/plugin-auth-backend-module-github-provider) and configure auth.providers; see
// README.md "Authentication".
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Clusters and tenants as Resource entities, read from /api/kubeyard.
backend.add(import('@kubeyard/backstage-plugin-catalog-backend-module-kubeyard'));

// Scaffolder (Software Templates)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Template actions kubeyard:tenant:plan, :apply and :verify (they call /api/kubeyard).
backend.add(
  import('@kubeyard/backstage-plugin-scaffolder-backend-module-kubeyard'),
);

// Permissions: platform groups may do everything, everybody else reads and self-serves.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionPolicyModule);

// Search (in-memory engine; the catalog collator indexes entities)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Kubernetes: the same `kubernetes.clusterLocatorMethods` config feeds Kubeyard.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Kubeyard: fleet index, cluster, workload and federation views (/api/kubeyard).
backend.add(import('@kubeyard/backstage-plugin-kubeyard-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();

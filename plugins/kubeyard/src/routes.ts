import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Kubeyard page, mounted at /kubeyard by default: the fleet overview. */
export const rootRouteRef = createRouteRef();

/** One cluster of the fleet: its zones, nodes, control plane and findings. */
export const clusterRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/clusters/:name',
});

/** Federated workloads (KubeFed and Karmada) across the fleet. */
export const federationRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/federation',
});

/** The tenants of every team: owner, clusters, tier, status and quota headroom. */
export const tenantsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/tenants',
});

/** One tenant: per-cluster status and quota, users, verify, history, decommission. */
export const tenantRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/tenants/:name',
});

/** Ownership findings: namespaces without owner, unknown owners, drift, missing tenants. */
export const ownershipRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/ownership',
});

/** Velero across the fleet: per-cluster summary, 7-day timeline, coverage, findings. */
export const backupsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/backups',
});

/** One cluster's Velero locations, schedules, backups and restores. */
export const clusterBackupsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/backups/:cluster',
});

/**
 * Cost over a window, grouped by owner, tenant, namespace, cluster or cost center; the window,
 * group-by and filters are search parameters (`?period=30d&groupBy=tenant&owner=…`).
 */
export const costsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/costs',
});

/**
 * Where tenants are requested: the scaffolder's template list by default. When it is not
 * bound, links fall back to /create.
 */
export const createTenantRouteRef = createExternalRouteRef({
  defaultTarget: 'scaffolder.root',
});

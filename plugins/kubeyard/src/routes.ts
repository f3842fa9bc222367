import {
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

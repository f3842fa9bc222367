/*
 * The virtual-cluster variant of a tenant (SEED-DIGEST §1, vcluster values): a fixed
 * isolation quota and LimitRange for the host namespace, a k3s control plane sized by the
 * number of nodes the tenant expects to run.
 */
import type { LimitRangeItem } from './tiers';

/** ResourceQuota `spec.hard` of a vcluster host namespace, replacing the tier's. */
export const VCLUSTER_QUOTA: Record<string, string> = {
  persistentvolumeclaims: '20',
  'requests.cpu': '10',
  'requests.memory': '20Gi',
  'requests.storage': '100Gi',
  'services.loadbalancers': '5',
};

/** LimitRange of a vcluster host namespace, replacing the tier's. */
export const VCLUSTER_LIMIT_RANGE: LimitRangeItem[] = [
  {
    type: 'Container',
    default: { cpu: '1', memory: '1Gi' },
    defaultRequest: { cpu: '100m', memory: '128Mi' },
  },
];

/** The k3s release a vcluster runs when the spec names none. */
export const DEFAULT_K3S_VERSION = 'v1.28.2-k3s1';

/** The size of the data volume of the vcluster control plane. */
export const VCLUSTER_STORAGE = '10Gi';

/** Accepted forms of `vcluster.k8sVersion`: `1.29.3`, `v1.29.3`, `v1.29.3-k3s1`. */
export const K3S_VERSION_PATTERN = /^v?\d+\.\d+\.\d+(-k3s\d+)?$/;

/** The k3s image for a Kubernetes version: `1.29.3` → `rancher/k3s:v1.29.3-k3s1`. */
export function k3sImage(version: string = DEFAULT_K3S_VERSION): string {
  const withV = version.startsWith('v') ? version : `v${version}`;
  // k3s tags every Kubernetes release as <version>-k3s<n>; the first build is -k3s1.
  const tag = /-k3s\d+$/.test(withV) ? withV : `${withV}-k3s1`;
  return `rancher/k3s:${tag}`;
}

/** Control-plane requests for a vcluster expected to run `nodes` nodes; limits are twice these. */
export function vclusterSizing(nodes: number = 1): { cpu: string; memory: string } {
  if (nodes > 200) return { cpu: '4', memory: '8Gi' };
  if (nodes >= 50) return { cpu: '2', memory: '4Gi' };
  return { cpu: '1', memory: '2Gi' };
}

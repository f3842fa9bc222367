/*
 * What rendering needs to know about the target cluster. Everything has a default that fits
 * a stock cluster, so a preview can render without any.
 */
import type { CatalogMemberRef } from './catalogRefs';

/** Facts about the cluster a tenant is rendered for. */
export interface TenantClusterFacts {
  clusterName: string;
  /** Namespace of the cluster DNS pods (default kube-system). */
  dnsNamespace?: string;
  /** Labels of the cluster DNS pods (default k8s-app=kube-dns, which CoreDNS keeps for compatibility). */
  dnsPodLabels?: Record<string, string>;
  /** This cluster's pod and service CIDRs, excluded from internet egress in addition to the spec's. */
  clusterCidrs?: string[];
  /**
   * The Kubernetes user name of a catalog user, as this cluster's authenticator (OIDC claim,
   * certificate CN) spells it. Default: the catalog name (`user:default/alice` → `alice`).
   */
  userSubjectName?: (user: CatalogMemberRef) => string;
}

/** Cluster facts with defaults applied. */
export type ResolvedClusterFacts = Required<TenantClusterFacts>;

/** Applies the defaults of TenantClusterFacts. */
export function resolveClusterFacts(facts?: TenantClusterFacts): ResolvedClusterFacts {
  return {
    clusterName: facts?.clusterName ?? '',
    dnsNamespace: facts?.dnsNamespace ?? 'kube-system',
    dnsPodLabels: facts?.dnsPodLabels ?? { 'k8s-app': 'kube-dns' },
    clusterCidrs: facts?.clusterCidrs ?? [],
    userSubjectName: facts?.userSubjectName ?? (user => user.name),
  };
}

import type { Entity } from '@backstage/catalog-model';
import {
  KUBEYARD_LABELS,
  TenantDetail,
  tenantNamespace,
  tenantSelector,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  ENTITY_NAMESPACE,
  locationAnnotations,
  MANAGED_BY_LABELS,
  resourceRef,
  TENANT_ANNOTATION,
  TENANT_TYPE,
} from './conventions';

/** What a tenant entity is built from besides the tenant itself. */
export interface TenantEntityOptions {
  /** The frontend's base URL (app.baseUrl), for the link to the tenant page. */
  appBaseUrl: string;
}

function tenantDescription(tenant: TenantDetail): string {
  if (tenant.spec.description) return tenant.spec.description;
  const model = tenant.isolation === 'vcluster' ? 'Virtual cluster' : 'Namespace';
  return `${model} tenant (${tenant.environment}, tier ${tenant.tier}) on ${tenant.clusters.join(', ')}`;
}

/**
 * The `Resource` entity of a tenant: owned by its Group, depending on the Resources of its
 * clusters, annotated so that the kubernetes plugin finds the tenant's objects.
 */
export function tenantEntity(tenant: TenantDetail, options: TenantEntityOptions): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: tenant.name,
      namespace: ENTITY_NAMESPACE,
      title: tenant.displayName ?? tenant.name,
      description: tenantDescription(tenant),
      labels: {
        ...MANAGED_BY_LABELS,
        [KUBEYARD_LABELS.environment]: tenant.environment,
        [KUBEYARD_LABELS.costCenter]: tenant.spec.costCenter,
        'kubeyard.io/tier': tenant.tier,
        'kubeyard.io/isolation': tenant.isolation,
      },
      annotations: {
        ...locationAnnotations('tenants', tenant.name),
        [TENANT_ANNOTATION]: tenant.name,
        'backstage.io/kubernetes-namespace': tenantNamespace(tenant.spec),
        'backstage.io/kubernetes-label-selector': tenantSelector(tenant.name),
      },
      tags: ['kubernetes', 'tenant', tenant.isolation],
      links: [
        {
          url: `${options.appBaseUrl}/kubeyard/tenants/${encodeURIComponent(tenant.name)}`,
          title: 'Kubeyard tenant page',
          icon: 'dashboard',
        },
      ],
    },
    spec: {
      type: TENANT_TYPE,
      owner: tenant.owner,
      dependsOn: tenant.clusters.map(resourceRef),
    },
  };
}

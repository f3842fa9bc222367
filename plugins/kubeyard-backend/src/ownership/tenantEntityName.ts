import type { Entity } from '@backstage/catalog-model';
import { KUBEYARD_LABELS } from '@kubeyard/backstage-plugin-kubeyard-common';

/** The tenant a tenant Resource stands for: its `kubeyard.io/tenant` annotation, else its name. */
export function tenantEntityName(entity: Entity): string {
  return entity.metadata.annotations?.[KUBEYARD_LABELS.tenant] ?? entity.metadata.name;
}

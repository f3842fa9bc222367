/*
 * The tenant fields the kubeyard:tenant:* actions take: the shared TenantSpec schema (so the
 * template editor shows the same descriptions the backend validates against), except that
 * `clusters` also accepts the catalog refs the template's cluster picker produces.
 */
import { tenantSpecSchema } from '@kubeyard/backstage-plugin-kubeyard-common';
import { z } from 'zod';

const clusterField = z
  .array(
    z
      .string()
      .min(1)
      .describe('A cluster name (prod-eu) or the catalog ref of its kubernetes-cluster Resource (resource:default/prod-eu)'),
  )
  .min(1)
  .describe('Clusters the tenant is created on: names, or the entity refs the cluster picker gives');

/** The tenant spec fields as action input: the TenantSpec object with cluster refs allowed. */
export const tenantActionInputShape = {
  ...tenantSpecSchema.innerType().shape,
  clusters: clusterField,
};

/** The tenant spec fields of an action's input. */
export type TenantActionInput = z.input<z.ZodObject<typeof tenantActionInputShape>>;

/* Test helper: the checks the catalog runs on every entity before it accepts it. */
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** Throws when the catalog would refuse `entity`. */
export async function expectCatalogAccepts(entity: Entity): Promise<void> {
  await policy.enforce(entity);
  if (!(await resourceEntityV1alpha1Validator.check(entity))) throw new Error('not a Resource entity');
}

/*
 * createTemplateAction's types name the scaffolder's own copy of zod (its `zod/v3`), while the
 * shared TenantSpec schema is built with Kubeyard's zod 3. At runtime both are zod v3 classes
 * that zod-to-json-schema reads alike; only TypeScript sees two unrelated class hierarchies.
 */
import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import type { z as zod } from 'zod';

type KeyedSchemas = NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>;
type SchemaFactory = KeyedSchemas extends { [key: string]: infer F } ? F : never;

/** The zod instance createTemplateAction hands to schema factories. */
export type ScaffolderZod = Parameters<SchemaFactory>[0];

/**
 * A schema factory for createTemplateAction made from a schema built with Kubeyard's zod; the
 * action's input type is the schema's input type, what the template passes before defaults.
 */
export function scaffolderSchema<TInput>(schema: zod.ZodType<unknown, zod.ZodTypeDef, TInput>) {
  return (z: ScaffolderZod) => schema as unknown as ReturnType<typeof z.custom<TInput>>;
}

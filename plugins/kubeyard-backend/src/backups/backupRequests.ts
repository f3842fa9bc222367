/*
 * The bodies and path parameters of the backup write API, validated with zod: every problem is
 * reported at its field, with what is allowed, in one 400.
 */
import { tenantErrorMap, toFieldErrors } from '@kubeyard/backstage-plugin-kubeyard-common';
import { z } from 'zod';
import { RequestValidationError } from '../tenants';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const dnsLabel = (what: string, example: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .max(63, `${what} has at most 63 characters`)
    .regex(DNS_LABEL, `${what} is an RFC 1123 DNS label: lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. ${example})`);

/**
 * `<namespace>-restored` must itself be a namespace name, so a drillable namespace has at most
 * 54 characters.
 */
const MAX_DRILL_NAMESPACE = 63 - '-restored'.length;

/** POST /backups/restore-drills body. */
export const restoreDrillRequestSchema = z
  .object({
    cluster: z.string().min(1, 'cluster must name one of the configured clusters (e.g. prod-eu)').describe('Cluster whose namespace is drilled'),
    namespace: dnsLabel('namespace', 'payments')
      .max(MAX_DRILL_NAMESPACE, `namespace has at most ${MAX_DRILL_NAMESPACE} characters, so that <namespace>-restored is a namespace name too`)
      .describe('The namespace to restore into <namespace>-restored'),
    keep: z.boolean().default(false).describe('Keep <namespace>-restored after the drill'),
    backupName: z
      .string()
      .max(253)
      .regex(DNS_SUBDOMAIN, 'backupName is the name of a Velero Backup (an RFC 1123 subdomain, e.g. kubeyard-payments-daily-20250601020000)')
      .optional()
      .describe('The Backup to restore; the newest Completed backup covering the namespace when absent'),
  })
  .strict();

/** POST /backups/tenants/:tenant/backups body. */
export const tenantBackupRequestSchema = z
  .object({ cluster: z.string().min(1, 'cluster must name one of the tenant\'s clusters').optional() })
  .strict();

/** The `:tenant` path parameter. */
export const tenantParamSchema = dnsLabel('tenant', 'payments');

/** A Kubernetes object name (RFC 1123 subdomain), e.g. a Backup's or a Restore's. */
const objectName = (what: string, example: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .max(253, `${what} has at most 253 characters`)
    .regex(DNS_SUBDOMAIN, `${what} is a Kubernetes object name (an RFC 1123 subdomain: lower-case letters, digits, "-" and ".", e.g. ${example})`);

/** The `:id` path parameter of an on-demand backup (its Backups' name). */
export const backupIdParamSchema = objectName('id', 'payments-20250601020000-1a2b');

/** The `:cluster/:name` path parameters of a restore drill (`name` is its Restore's). */
export const restoreDrillParamsSchema = z.object({
  cluster: z.string().min(1, 'cluster must name one of the configured clusters (e.g. prod-eu)'),
  name: objectName('name', 'payments-drill-20250601020000-1a'),
});

/** Parses `value` with `schema`; RequestValidationError listing every field otherwise. */
export function parseRequest<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string, field = ''): z.output<T> {
  const result = schema.safeParse(value ?? {}, { errorMap: tenantErrorMap });
  if (result.success) return result.data;
  const fields = toFieldErrors(result.error).map(f => ({ ...f, field: [field, f.field].filter(Boolean).join('.') }));
  throw new RequestValidationError(fields, what);
}

/*
 * Validation of GET /costs and /costs/export.csv query parameters. Every message names the
 * field, the problem and what is allowed, so the backend can answer 400 with it as is.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { COST_GROUP_BYS, CostReport } from '../api/costTypes';
import { DAY_MS, HOUR_MS } from '../backups/duration';
import { checkedString, tenantErrorMap, toFieldErrors, TenantFieldError } from '../tenants/schemaHelpers';
import { dns1123LabelProblem } from '../tenants/kubernetesNames';
import { parseIsoTime } from './isoTime';

/** The longest window a report may cover. */
export const MAX_COST_WINDOW_DAYS = 400;

const TIME_FORMS = 'expected YYYY-MM-DD (UTC midnight) or an ISO 8601 instant on a whole UTC hour, e.g. 2026-11-22T13:00:00Z';

function timeProblem(value: string): string | undefined {
  const ms = parseIsoTime(value);
  if (Number.isNaN(ms)) return `${JSON.stringify(value)} is not a date; ${TIME_FORMS}`;
  if (ms % HOUR_MS !== 0) return `${JSON.stringify(value)} is not on a whole UTC hour; ${TIME_FORMS}`;
  return undefined;
}

function entityRefProblem(value: string): string | undefined {
  try {
    parseEntityRef(value);
    return undefined;
  } catch {
    return `${JSON.stringify(value)} is not an entity ref; expected kind:namespace/name, e.g. group:default/team-payments or component:default/checkout`;
  }
}

/** Owners are stored as full refs (`group:default/team-a`); `team-a` is accepted as a Group in default. */
const ownerRef = z.string().transform((value, ctx) => {
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind: 'group', defaultNamespace: 'default' }));
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${JSON.stringify(value)} is not a Group or User ref; expected e.g. group:default/team-payments or team-payments` });
    return z.NEVER;
  }
});

const nonEmpty = checkedString(value => (value.trim() === '' ? 'must not be empty' : undefined));

/** The schema of a cost query's parameters. */
export const costQuerySchema = z
  .object({
    from: checkedString(timeProblem).describe('Start of the window, inclusive'),
    to: checkedString(timeProblem).describe('End of the window, exclusive'),
    groupBy: z.enum(COST_GROUP_BYS as [string, ...string[]]).default('owner'),
    step: z.enum(['day', 'total']).default('day'),
    entityRef: checkedString(entityRefProblem).optional(),
    owner: ownerRef.optional(),
    tenant: checkedString(dns1123LabelProblem).optional(),
    cluster: nonEmpty.optional(),
    namespace: checkedString(dns1123LabelProblem).optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    const from = parseIsoTime(query.from);
    const to = parseIsoTime(query.to);
    if (Number.isNaN(from) || Number.isNaN(to)) return;
    if (to <= from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `${JSON.stringify(query.to)} must be after from (${JSON.stringify(query.from)}); the window is [from, to)` });
    } else if (to - from > MAX_COST_WINDOW_DAYS * DAY_MS) {
      const days = Math.ceil((to - from) / DAY_MS);
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `the window from ${query.from} to ${query.to} is ${days} days; at most ${MAX_COST_WINDOW_DAYS} days are allowed` });
    }
  });

/** A validated query, as a report echoes it, and its window in epoch ms. */
export type ParseCostQueryResult =
  | { success: true; query: CostReport['query']; window: { start: number; end: number } }
  | { success: false; errors: TenantFieldError[]; message: string };

const ALLOWED = Object.keys(costQuerySchema.innerType().shape);

/**
 * Validates URL query parameters (as Express parses them: strings, arrays when repeated).
 * groupBy defaults to `owner`, step to `day`; unknown parameters are refused so that a
 * misspelt filter does not silently widen the report.
 */
export function parseCostQuery(params: Readonly<Record<string, unknown>>): ParseCostQueryResult {
  const errors: TenantFieldError[] = [];
  const single: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!ALLOWED.includes(field)) errors.push({ field, message: `unknown parameter; allowed: ${ALLOWED.join(', ')}` });
    else if (typeof value !== 'string') errors.push({ field, message: 'given more than once or not as text; give it once' });
    else single[field] = value;
  }
  const result = costQuerySchema.safeParse(single, { errorMap: tenantErrorMap });
  if (!result.success) {
    for (const error of toFieldErrors(result.error)) {
      if (errors.some(known => known.field === error.field)) continue;
      const missingTime = error.message === 'is required' && (error.field === 'from' || error.field === 'to');
      errors.push(missingTime ? { ...error, message: `is required; ${TIME_FORMS}` } : error);
    }
  }
  if (errors.length > 0 || !result.success) {
    return { success: false, errors, message: errors.map(e => `${e.field}: ${e.message}`).join('; ') };
  }
  const query = result.data as CostReport['query'];
  return { success: true, query, window: { start: parseIsoTime(query.from), end: parseIsoTime(query.to) } };
}

/*
 * Unit prices over time. A price change applies from its effective date on and never
 * retroactively: each hour is priced with the list in force when the hour starts.
 */
import { z } from 'zod';
import { addDuplicateIssues, tenantErrorMap, toFieldErrors, TenantFieldError } from '../tenants/schemaHelpers';
import { toEpochMs } from './hourSlices';
import { parseIsoTime } from './isoTime';
import { DEFAULT_UNIT_PRICES, PriceChange, UnitPrices } from './types';

/** The cluster name that makes a price change apply to every cluster without its own. */
export const ANY_CLUSTER = '*';

/**
 * The prices of `cluster` for the hour starting at `hourStart`: the latest change for that
 * cluster whose effectiveFrom ≤ hourStart; failing that the latest such '*' change; failing
 * that DEFAULT_UNIT_PRICES. A cluster's own list wins over a later '*' list.
 */
export function priceAt(changes: readonly PriceChange[], cluster: string, hourStart: string | number): UnitPrices {
  const at = toEpochMs(hourStart);
  let own: { from: number; change: PriceChange } | undefined;
  let any: { from: number; change: PriceChange } | undefined;
  for (const change of changes) {
    if (change.cluster !== cluster && change.cluster !== ANY_CLUSTER) continue;
    const from = toEpochMs(change.effectiveFrom);
    if (!(from <= at)) continue;
    if (change.cluster === cluster) {
      if (!own || from >= own.from) own = { from, change };
    } else if (!any || from >= any.from) {
      any = { from, change };
    }
  }
  const chosen = (own ?? any)?.change;
  if (!chosen) return DEFAULT_UNIT_PRICES;
  return { cpuCoreHour: chosen.cpuCoreHour, ramGiBHour: chosen.ramGiBHour, pvGiBHour: chosen.pvGiBHour };
}

const price = (what: string) =>
  z
    .number({ description: `${what} per hour, in the configured currency` })
    .finite()
    .min(0, { message: `must be 0 or more (a price cannot be negative)` });

/** One price change, as written in config `kubeyard.costs.prices`. */
export const priceChangeSchema = z
  .object({
    cluster: z.string().min(1).default(ANY_CLUSTER).describe(`Cluster name, or '${ANY_CLUSTER}' for every cluster without its own list`),
    effectiveFrom: z
      .string()
      .default('1970-01-01')
      .refine(value => !Number.isNaN(parseIsoTime(value)), value => ({
        message: `${JSON.stringify(value)} is not a date; expected YYYY-MM-DD (UTC) or an ISO 8601 instant such as 2026-03-01T00:00:00Z`,
      }))
      .describe('Applies to hours starting at or after this date'),
    cpuCoreHour: price('CPU core'),
    ramGiBHour: price('GiB of memory'),
    pvGiBHour: price('GiB of PersistentVolumeClaim storage'),
  })
  .strict();

/** A price list: no cluster may have two changes with the same effective date. */
export const priceListSchema = z.array(priceChangeSchema).superRefine((changes, ctx) => {
  const keys = changes.map((change, index) => {
    const from = parseIsoTime(change.effectiveFrom);
    if (Number.isNaN(from)) return `\u0000${index}`; // already reported as a bad date
    return `cluster ${JSON.stringify(change.cluster)} effective ${new Date(from).toISOString()}`;
  });
  addDuplicateIssues(keys, ctx, key => key, 'cluster and effective date');
});

/** The outcome of validating a price list. */
export type ParsePriceListResult =
  | { success: true; prices: PriceChange[] }
  | { success: false; errors: TenantFieldError[] };

/**
 * Validates a price list (config `kubeyard.costs.prices`). Errors name the field by its path
 * under `path`, e.g. `kubeyard.costs.prices.2.cpuCoreHour: must be 0 or more`.
 */
export function parsePriceList(input: unknown, path = 'kubeyard.costs.prices'): ParsePriceListResult {
  const result = priceListSchema.safeParse(input ?? [], { errorMap: tenantErrorMap });
  if (result.success) return { success: true, prices: result.data };
  const errors = toFieldErrors(result.error).map(e => ({ field: e.field ? `${path}.${e.field}` : path, message: e.message }));
  return { success: false, errors };
}

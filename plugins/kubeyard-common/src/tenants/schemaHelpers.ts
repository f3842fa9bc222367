/*
 * Small zod helpers shared by the tenant schemas, and the error map that turns zod's generic
 * messages into ones that say what is allowed (API errors and the template editor show them).
 */
import { z } from 'zod';

/** A string schema whose value must pass `problem` (which returns why not, or undefined). */
export function checkedString(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  });
}

/** Reports each repeated entry of an array at its own index, naming the first occurrence. */
export function addDuplicateIssues<T>(
  items: T[],
  ctx: z.RefinementCtx,
  describe: (item: T) => string,
  what: string,
  path: Array<string | number> = [],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = describe(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [...path, index],
      message: `${key} repeats entry ${first}; each ${what} may appear once`,
    });
  });
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Error map for tenant schemas: messages say what is wrong and what is allowed. */
export const tenantErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'is required' };
      return { message: `expected ${issue.expected}, got ${describeValue(ctx.data)}` };
    case z.ZodIssueCode.invalid_enum_value:
      return {
        message: `${JSON.stringify(issue.received)} is not allowed; expected one of: ${issue.options.join(', ')}`,
      };
    case z.ZodIssueCode.unrecognized_keys:
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
          .map(k => `"${k}"`)
          .join(', ')}; unknown fields are refused so that a misspelt field does not silently fall back to its default`,
      };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === 'email') return { message: `${JSON.stringify(ctx.data)} is not an email address (e.g. team-payments@example.com)` };
      return { message: ctx.defaultError };
    default:
      return { message: ctx.defaultError };
  }
};

/** One field-level validation error: `field` is a dotted path such as `clusters.1`. */
export interface TenantFieldError {
  field: string;
  message: string;
}

/** Converts zod issues into field errors with dotted paths. */
export function toFieldErrors(error: z.ZodError): TenantFieldError[] {
  return error.issues.map(issue => ({ field: issue.path.join('.'), message: issue.message }));
}

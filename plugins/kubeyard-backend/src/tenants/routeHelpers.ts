/*
 * What every mutating Kubeyard router does alike: boolean query flags, an audit event around
 * the request, and 400 answers that list the fields at fault.
 */
import type { AuditorService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { TenantFieldError, TenantValidationErrorBody } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { NextFunction, Request, Response } from 'express';

/** A request that is not valid; answered 400 with `fields: [{ field, message }]`. */
export class RequestValidationError extends InputError {
  constructor(
    readonly fields: TenantFieldError[],
    what = 'the request',
  ) {
    super(`${what} is not valid: ${fields.map(f => `${f.field || '(body)'}: ${f.message}`).join('; ')}`);
  }
}

/** A `true`/`false` query parameter; InputError for anything else. */
export function booleanQuery(req: Request, name: string, fallback: boolean): boolean {
  const value = req.query[name];
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new RequestValidationError([{ field: name, message: `must be true or false, not ${JSON.stringify(value)}` }], `query parameter ${name}`);
}

/** Runs a mutating request inside a coreServices.auditor event; the result's string `status` is recorded. */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  eventId: string,
  meta: Record<string, string | boolean | null>,
  run: () => Promise<T>,
  severityLevel: 'low' | 'medium' | 'high' = 'medium',
): Promise<T> {
  const event = await auditor.createEvent({ eventId, severityLevel, request: req, meta });
  try {
    const result = await run();
    const status = (result as { status?: unknown })?.status;
    await event.success({ meta: typeof status === 'string' ? { status } : {} });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** Error middleware: a RequestValidationError becomes 400 `{ error, fields }`; anything else goes on. */
export function fieldErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!(error instanceof RequestValidationError)) {
    next(error);
    return;
  }
  const body: TenantValidationErrorBody = { error: { name: 'InputError', message: error.message }, fields: error.fields };
  res.status(400).json(body);
}

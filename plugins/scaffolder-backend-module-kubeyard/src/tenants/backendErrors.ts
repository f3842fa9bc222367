import { ConflictError, InputError, NotAllowedError, NotFoundError, ResponseError } from '@backstage/errors';
import type { TenantFieldError } from '@kubeyard/backstage-plugin-kubeyard-common';

interface ParsedBody {
  message?: string;
  fields?: TenantFieldError[];
}

function isFieldErrorList(value: unknown): value is TenantFieldError[] {
  return (
    Array.isArray(value) &&
    value.every(f => typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string')
  );
}

/*
 * ResponseError keeps a JSON body only when it has Backstage's `response` member; otherwise it
 * folds the raw text into the message ("Request failed with status 400 Bad Request, {...}").
 * Both forms are read so that field errors survive either way.
 */
function parseBody(error: ResponseError): ParsedBody {
  const body = error.body as unknown as { error?: { message?: string }; fields?: unknown };
  if (isFieldErrorList(body.fields)) return { message: body.error?.message, fields: body.fields };
  const text = body.error?.message ?? '';
  const start = text.indexOf('{');
  if (start >= 0) {
    try {
      const raw = JSON.parse(text.slice(start)) as { error?: { message?: string }; fields?: unknown };
      return { message: raw.error?.message, fields: isFieldErrorList(raw.fields) ? raw.fields : undefined };
    } catch {
      // Not JSON after all: the text itself is the best message there is.
    }
  }
  return { message: text.replace(/^Request failed with status \d+[^,]*, /, '') || undefined };
}

/*
 * A backend message may already spell the fields out inline ("…: clusters.0: unknown
 * cluster; name: …"); the list says it once, one field per line, under the part before them.
 */
function headline(message: string, fields: TenantFieldError[]): string {
  const first = fields.map(f => message.indexOf(`${f.field}: ${f.message}`)).filter(i => i >= 0);
  if (first.length === 0) return message;
  return message.slice(0, Math.min(...first)).replace(/[\s:;,]+$/, '') || 'The tenant request is invalid';
}

/** An InputError whose message lists every field the backend refused and why. */
export function fieldInputError(message: string, fields: TenantFieldError[]): InputError {
  const lines = fields.map(f => `- ${f.field || '(spec)'}: ${f.message}`);
  return new InputError(`${headline(message, fields)}\n${lines.join('\n')}`);
}

/** Maps a kubeyard-backend error response to the typed error the scaffolder shows the user. */
export function toActionError(error: unknown): Error {
  if (!(error instanceof ResponseError)) return error as Error;
  const { message, fields } = parseBody(error);
  const text = message ?? error.message;
  switch (error.statusCode) {
    case 400:
      return fields?.length ? fieldInputError(text, fields) : new InputError(text);
    case 403:
      return new NotAllowedError(text);
    case 404:
      return new NotFoundError(text);
    case 409:
      return new ConflictError(text);
    default:
      return new Error(`kubeyard-backend answered ${[error.statusCode, error.statusText].filter(Boolean).join(' ')}: ${text}`);
  }
}

/** Runs a kubeyard-backend call and rethrows its failure as a typed error. */
export async function callBackend<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toActionError(error);
  }
}

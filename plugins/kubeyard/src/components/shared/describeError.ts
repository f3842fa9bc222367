import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, as the backend said it: `409 Conflict: tenant payments-prod has 12
 * running pods…` rather than `Request failed with 409 Conflict`.
 */
export function describeError(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const { statusCode, statusText, cause } = error as ResponseError;
    const status = [statusCode, statusText].filter(Boolean).join(' ');
    const message = cause?.message || error.message;
    return status ? `${status}: ${message}` : message;
  }
  return error.message;
}

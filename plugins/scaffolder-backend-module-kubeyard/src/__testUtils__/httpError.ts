import type { TenantFieldError } from '@kubeyard/backstage-plugin-kubeyard-common';

/** An error answer of the fake backend: status, Backstage error name, message, field errors. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly name: string, message: string, readonly fields?: TenantFieldError[]) {
    super(message);
  }
}

import { InputError } from '@backstage/errors';

/**
 * Thrown for text that is not a Kubernetes resource quantity. It is an InputError (and keeps
 * that error name) so Backstage's HTTP error handler answers 400, not 500.
 */
export class InvalidQuantityError extends InputError {
  /** The rejected input, verbatim. */
  readonly text: string;

  constructor(text: string, reason?: string) {
    super(
      `${JSON.stringify(text)} is not a Kubernetes quantity (${
        reason ?? 'expected a number with an optional suffix such as 500m, 2, 1Gi, 512Mi'
      })`,
    );
    this.text = text;
  }
}

/*
 * Kubernetes Status errors, with the messages, reasons and codes of k8s.io/apimachinery's
 * api/errors package, so clients that match on them (kubectl, client-node, Kubeyard) behave
 * as they do against a real API server.
 */

/** metav1.StatusCause */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.StatusDetails */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status as sent on the wire. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A group and resource, e.g. { group: 'apps', resource: 'deployments' }. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** An error carrying a Kubernetes Status; the HTTP layer sends `status` as the response. */
export class StatusError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = 'StatusError';
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** Builds a Failure Status. */
export function failureStatus(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): KubeStatus {
  const status: KubeStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) status.details = details;
  return status;
}

function statusError(code: number, reason: string, message: string, details?: StatusDetails) {
  return new StatusError(failureStatus(code, reason, message, details));
}

/** `deployments.apps` for named groups, `pods` for the core group (schema.GroupResource.String). */
export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function detailsFor(gr: GroupResource, name?: string, causes?: StatusCause[]): StatusDetails {
  const d: StatusDetails = {};
  if (name) d.name = name;
  if (gr.group) d.group = gr.group;
  d.kind = gr.resource;
  if (causes) d.causes = causes;
  return d;
}

/** 404 NotFound: `pods "x" not found`. */
export function notFound(gr: GroupResource, name: string): StatusError {
  return statusError(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, detailsFor(gr, name));
}

/** 409 AlreadyExists: `pods "x" already exists`. */
export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return statusError(
    409,
    'AlreadyExists',
    `${qualifiedResource(gr)} "${name}" already exists`,
    detailsFor(gr, name),
  );
}

/** The reason text of a resourceVersion conflict, as the real registry words it. */
export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

/** 409 Conflict: `Operation cannot be fulfilled on deployments.apps "x": <why>`. */
export function conflict(gr: GroupResource, name: string, why: string = OBJECT_MODIFIED): StatusError {
  return statusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`,
    detailsFor(gr, name),
  );
}

/** 403 Forbidden as admission and authorization word it: `pods "x" is forbidden: <why>`. */
export function forbidden(gr: GroupResource, name: string | undefined, why: string, causes?: StatusCause[]) {
  const q = qualifiedResource(gr);
  const message = name ? `${q} "${name}" is forbidden: ${why}` : `${q} is forbidden: ${why}`;
  return statusError(403, 'Forbidden', message, detailsFor(gr, name, causes));
}

/** 400 BadRequest with a free-form message. */
export function badRequest(message: string, causes?: StatusCause[]): StatusError {
  return statusError(400, 'BadRequest', message, causes ? { causes } : undefined);
}

/** 401 Unauthorized. */
export function unauthorized(message = 'Unauthorized'): StatusError {
  return statusError(401, 'Unauthorized', message);
}

/** 405 MethodNotAllowed: the verb is not served for this resource. */
export function methodNotSupported(gr: GroupResource, action: string): StatusError {
  return statusError(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`,
    detailsFor(gr),
  );
}

/** 406 NotAcceptable. */
export function notAcceptable(message: string): StatusError {
  return statusError(406, 'NotAcceptable', message);
}

/** 415 UnsupportedMediaType for a PATCH body in an unknown format. */
export function unsupportedMediaType(contentType: string): StatusError {
  return statusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ` +
      `application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, ` +
      `application/strategic-merge-patch+json (got ${contentType || 'none'})`,
  );
}

/** 410 Expired: a watch or continue token older than the kept history. */
export function expired(message: string): StatusError {
  return statusError(410, 'Expired', message);
}

/** 500 InternalError; only for simulator bugs, never for user input. */
export function internalError(err: unknown): StatusError {
  const why = err instanceof Error ? err.message : String(err);
  return statusError(500, 'InternalError', `Internal error occurred: ${why}`, {
    causes: [{ message: why }],
  });
}

/** The reason Kubernetes uses for a bare HTTP status (used by injected faults). */
export function reasonForCode(code: number): string {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 409:
      return 'Conflict';
    case 410:
      return 'Expired';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'Timeout';
    default:
      return code >= 500 ? 'InternalError' : 'Unknown';
  }
}

/** A Status for an arbitrary code, used for injected faults. */
export function statusForCode(code: number, message?: string): KubeStatus {
  const reason = reasonForCode(code);
  return failureStatus(code, reason, message ?? `injected fault: ${reason} (${code})`);
}

/** Wraps anything thrown into a StatusError; unknown errors become 500 InternalError. */
export function toStatusError(err: unknown): StatusError {
  return err instanceof StatusError ? err : internalError(err);
}

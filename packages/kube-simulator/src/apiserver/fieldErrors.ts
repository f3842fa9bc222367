/*
 * Field-level validation errors (k8s.io/apimachinery/pkg/util/validation/field) and the 422
 * Invalid Status they aggregate into.
 */
import { StatusError, failureStatus } from './errors';

/** The field.ErrorType values the simulator produces. */
export type FieldErrorType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong';

/** One field error, as field.Error. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
};

/** field.Invalid */
export function invalidField(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value, detail };
}

/** field.Required */
export function requiredField(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, detail };
}

/** field.NotSupported */
export function notSupportedField(field: string, value: unknown, supported: string[]): FieldError {
  const detail = `supported values: ${supported.map(s => `"${s}"`).join(', ')}`;
  return { type: 'FieldValueNotSupported', field, value, detail };
}

/** field.Forbidden */
export function forbiddenField(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

/** field.Duplicate */
export function duplicateField(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, value };
}

function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The error text without the field, e.g. `Invalid value: "Foo": must be ...` (StatusCause.message). */
export function errorBody(e: FieldError): string {
  const hasValue = e.type === 'FieldValueInvalid' || e.type === 'FieldValueNotSupported' || e.type === 'FieldValueDuplicate';
  let text = TYPE_TEXT[e.type];
  if (hasValue) text += `: ${quoteValue(e.value)}`;
  if (e.detail) text += `: ${e.detail}`;
  return text;
}

/** `metadata.name: Invalid value: "Foo": ...` (field.Error.Error()). */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** 422 Invalid: `Pod "x" is invalid: [a, b]`, with one cause per field error. */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
  const texts = errors.map(fieldErrorText);
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return new StatusError(
    failureStatus(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${aggregate}`, {
      name,
      ...(group ? { group } : {}),
      kind,
      causes: errors.map(e => ({ reason: e.type, message: errorBody(e), field: e.field })),
    }),
  );
}

/** Throws 422 Invalid when `errors` is not empty. */
export function throwIfInvalid(kind: string, group: string, name: string, errors: FieldError[]): void {
  if (errors.length > 0) throw invalid(kind, group, name, errors);
}

/*
 * PodSpec validation: containers (names, images, ports) and compute resources. Used for pods
 * and for every workload's pod template.
 */
import { FieldError, duplicateField, invalidField, requiredField } from '../fieldErrors';
import { compareQuantities, parseQuantity, Quantity, QuantityParseError } from '../quantity';
import { isDNS1123Label } from './names';

type Json = Record<string, unknown>;

/** Validates a map of resource name → quantity (requests, limits, quota hard, …). */
export function validateResourceList(list: unknown, field: string): { errors: FieldError[]; parsed: Map<string, Quantity> } {
  const errors: FieldError[] = [];
  const parsed = new Map<string, Quantity>();
  if (list === undefined || list === null) return { errors, parsed };
  if (typeof list !== 'object' || Array.isArray(list)) {
    errors.push(invalidField(field, list, 'must be a map of resource names to quantities'));
    return { errors, parsed };
  }
  for (const [name, value] of Object.entries(list as Json)) {
    const f = `${field}[${name}]`;
    try {
      const q = parseQuantity(value as string | number);
      if (q.nanos < 0n) errors.push(invalidField(f, String(value), 'must be greater than or equal to 0'));
      parsed.set(name, q);
    } catch (err) {
      if (!(err instanceof QuantityParseError)) throw err;
      errors.push(invalidField(f, typeof value === 'string' ? value : JSON.stringify(value), err.message));
    }
  }
  return { errors, parsed };
}

function validateResources(resources: unknown, field: string): FieldError[] {
  if (resources === undefined || resources === null) return [];
  const r = resources as Json;
  const limits = validateResourceList(r.limits, `${field}.limits`);
  const requests = validateResourceList(r.requests, `${field}.requests`);
  const errors = [...limits.errors, ...requests.errors];
  for (const [name, request] of requests.parsed) {
    const limit = limits.parsed.get(name);
    if (limit && compareQuantities(request, limit) > 0) {
      errors.push(
        invalidField(`${field}.requests`, String((r.requests as Json)[name]), `must be less than or equal to ${name} limit of ${String((r.limits as Json)[name])}`),
      );
    }
  }
  return errors;
}

function validatePorts(ports: unknown, field: string): FieldError[] {
  if (!Array.isArray(ports)) return [];
  const errors: FieldError[] = [];
  ports.forEach((p: Json, i) => {
    const f = `${field}[${i}]`;
    const port = p?.containerPort;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push(invalidField(`${f}.containerPort`, port ?? 0, 'must be between 1 and 65535, inclusive'));
    }
    if (p?.name !== undefined && (typeof p.name !== 'string' || p.name.length > 15 || !isDNS1123Label(p.name))) {
      errors.push(invalidField(`${f}.name`, p.name, 'must be no more than 15 characters and a valid IANA_SVC_NAME'));
    }
  });
  return errors;
}

function validateContainers(containers: unknown, field: string, required: boolean, names: Set<string>): FieldError[] {
  if (containers === undefined || containers === null) return required ? [requiredField(field)] : [];
  if (!Array.isArray(containers)) return [invalidField(field, containers, 'must be a list')];
  if (required && containers.length === 0) return [requiredField(field)];
  const errors: FieldError[] = [];
  containers.forEach((c: Json, i) => {
    const f = `${field}[${i}]`;
    if (!c || typeof c !== 'object') {
      errors.push(invalidField(f, c, 'must be an object'));
      return;
    }
    if (!c.name) errors.push(requiredField(`${f}.name`));
    else if (typeof c.name !== 'string' || !isDNS1123Label(c.name)) {
      errors.push(invalidField(`${f}.name`, c.name, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
    } else if (names.has(c.name)) errors.push(duplicateField(`${f}.name`, c.name));
    else names.add(c.name);
    if (!c.image) errors.push(requiredField(`${f}.image`));
    errors.push(...validateResources(c.resources, `${f}.resources`));
    errors.push(...validatePorts(c.ports, `${f}.ports`));
  });
  return errors;
}

/** Validates a PodSpec at `field` (e.g. `spec` or `spec.template.spec`). */
export function validatePodSpec(spec: unknown, field: string): FieldError[] {
  if (!spec || typeof spec !== 'object') return [requiredField(field)];
  const s = spec as Json;
  const names = new Set<string>();
  const errors = [
    ...validateContainers(s.containers, `${field}.containers`, true, names),
    ...validateContainers(s.initContainers, `${field}.initContainers`, false, names),
  ];
  const restart = s.restartPolicy;
  if (restart !== undefined && !['Always', 'OnFailure', 'Never'].includes(restart as string)) {
    errors.push({ type: 'FieldValueNotSupported', field: `${field}.restartPolicy`, value: restart, detail: 'supported values: "Always", "Never", "OnFailure"' });
  }
  return errors;
}

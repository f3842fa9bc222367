/*
 * Table output (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): what `kubectl get`
 * renders. Built-in types use their printers, custom resources their CRD's
 * additionalPrinterColumns, anything else Name and Created At.
 */
import type { KubeObject } from '../../types';
import { printerColumnsOf } from '../customResourceDefinitions';
import { ageOf } from './humanDuration';
import { ColumnDefinition, Printer, PRINTERS } from './printers';

/** How much of each object a row carries (the includeObject query parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Evaluates the JSONPath subset CRD printer columns use: `.a.b`, `[0]`, `[*]`, `[?(@.k=='v')]`. */
export function evaluateJsonPath(obj: unknown, path: string): unknown[] {
  const tokens = path.match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let current: unknown[] = [obj];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (token.startsWith('.')) {
        if (typeof value === 'object' && !Array.isArray(value)) next.push((value as Record<string, unknown>)[token.slice(1)]);
        continue;
      }
      const inner = token.slice(1, -1);
      if (!Array.isArray(value)) continue;
      if (inner === '*') next.push(...value);
      else if (/^\d+$/.test(inner)) next.push(value[Number(inner)]);
      else {
        const m = /^\?\(@\.([\w.-]+)\s*==\s*['"]([^'"]*)['"]\)$/.exec(inner);
        if (m) next.push(...value.filter(v => v && typeof v === 'object' && String(evaluateJsonPath(v, `.${m[1]}`)[0]) === m[2]));
      }
    }
    current = next;
  }
  return current.filter(v => v !== undefined);
}

function customPrinter(crd: KubeObject, version: string): Printer {
  const extra = printerColumnsOf(crd, version) ?? [];
  const columns: ColumnDefinition[] = [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
    ...extra.map(c => ({ name: c.name, type: c.type, format: '', description: c.description ?? '', priority: c.priority ?? 0 })),
  ];
  if (extra.length === 0) columns.push({ name: 'Age', type: 'date', format: '', description: 'CreationTimestamp', priority: 0 });
  return {
    columns,
    cells: (obj, now) => {
      if (extra.length === 0) return [obj.metadata.name, ageOf(obj.metadata.creationTimestamp, now)];
      return [
        obj.metadata.name,
        ...extra.map(c => {
          const values = evaluateJsonPath(obj, c.jsonPath);
          if (values.length === 0) return null;
          if (c.type === 'date') return ageOf(values[0], now);
          return values.length === 1 ? values[0] : values.map(v => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
        }),
      ];
    },
  };
}

const DEFAULT_PRINTER: Printer = {
  columns: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
    { name: 'Created At', type: 'date', format: '', description: 'CreationTimestamp', priority: 0 },
  ],
  cells: obj => [obj.metadata.name, obj.metadata.creationTimestamp],
};

/** The printer for a group/resource (with its CRD when it is a custom resource). */
export function printerFor(group: string, resource: string, version: string, crd?: KubeObject): Printer {
  return PRINTERS[`${group}/${resource}`] ?? (crd ? customPrinter(crd, version) : DEFAULT_PRINTER);
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Converts objects into a meta.k8s.io/v1 Table. */
export function toTable(
  printer: Printer,
  objects: KubeObject[],
  options: { now: Date; include: IncludeObject; resourceVersion?: string; continue?: string; remainingItemCount?: number; noHeaders?: boolean },
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continue) metadata.continue = options.continue;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  const table: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    rows: objects.map(obj => {
      const row: Record<string, unknown> = { cells: printer.cells(obj, options.now) };
      const o = rowObject(obj, options.include);
      if (o) row.object = o;
      return row;
    }),
  };
  if (!options.noHeaders) table.columnDefinitions = printer.columns;
  return table;
}

/*
 * Test helper: reads the repository's Software Templates and renders their values the way the
 * scaffolder's workflow runner does (nunjitsu, `${{ }}` expressions, a sole expression keeps
 * its native value, undefined leaves the key out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTemplateRenderer } from 'nunjitsu';
import { parse } from 'yaml';

/** The repository's templates/ folder. */
export const TEMPLATES_DIR = resolvePackagePath('@kubeyard/backstage-plugin-scaffolder-backend-module-kubeyard', '../../templates');

/** The parts of a v1beta3 Template the tests read. */
export interface TemplateDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; title: string };
  spec: {
    parameters: Array<{ title: string; required?: string[]; properties: Record<string, Record<string, unknown>> }>;
    steps: Array<{ id: string; name: string; action: string; if?: unknown; input?: Record<string, unknown> }>;
    output?: { links?: Array<Record<string, string>>; text?: Array<{ title: string; content: string }> };
  };
}

/** Every templates/<folder>/template.yaml, by folder name. */
export function readTemplates(): Map<string, TemplateDocument> {
  const templates = new Map<string, TemplateDocument>();
  for (const folder of readdirSync(TEMPLATES_DIR, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const file = join(TEMPLATES_DIR, folder.name, 'template.yaml');
    templates.set(folder.name, parse(readFileSync(file, 'utf8')) as TemplateDocument);
  }
  return templates;
}

const renderer = createTemplateRenderer({ allowRegexExecution: true });

/** Renders every string of `value` against `context`; unlike the runner, a render error fails. */
export function renderValues<T>(value: T, context: Record<string, unknown>): T {
  // Under jest, objects that fetch parsed belong to another realm, which nunjitsu refuses as
  // not plain; a JSON copy brings them into this one (the task store keeps outputs as JSON too).
  const plain = JSON.parse(JSON.stringify(context));
  const prepared = renderer.prepareContext(plain);
  return JSON.parse(JSON.stringify(value), (_key, item) =>
    typeof item === 'string' ? renderer.renderValue(item, prepared) : item,
  );
}

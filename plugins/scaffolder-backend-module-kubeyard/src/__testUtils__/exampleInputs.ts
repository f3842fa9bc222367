import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';

/** The input of the single step of each example, with its description, for it.each. */
export function exampleInputs(examples: TemplateExample[]): Array<[string, Record<string, unknown>]> {
  return examples.map(example => {
    const { steps } = parse(example.example) as { steps: Array<{ input: Record<string, unknown> }> };
    if (steps.length !== 1) throw new Error(`example "${example.description}" should have one step`);
    return [example.description, steps[0].input];
  });
}

/**
 * Kubernetes label selectors: the string form (`app=web,tier in (a,b),!legacy`) and the
 * structured form (`matchLabels` + `matchExpressions`), with the matching rules of
 * k8s.io/apimachinery/pkg/labels.
 */

/** One requirement of a selector. */
export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** The structured selector of Kubernetes objects (metav1.LabelSelector). */
export interface StructuredLabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Thrown for a selector that does not parse, with the offending text. */
export class LabelSelectorError extends Error {
  constructor(selector: string, reason: string) {
    super(`invalid label selector "${selector}": ${reason}`);
    this.name = 'LabelSelectorError';
  }
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms.map(t => t.trim()).filter(t => t.length > 0);
}

/** Parses the string form. An empty selector matches everything. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTerms(selector).map(term => {
    let match = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (match) {
      const values = match[3].split(',').map(v => v.trim()).filter(Boolean);
      return { key: match[1], operator: match[2] === 'in' ? 'In' : 'NotIn', values };
    }
    match = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s,()]*)$/.exec(term);
    if (match) return { key: match[1], operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]] };
    match = /^!\s*([^\s!=()]+)$/.exec(term);
    if (match) return { key: match[1], operator: 'DoesNotExist', values: [] };
    match = /^([^\s!=()]+)$/.exec(term);
    if (match) return { key: match[1], operator: 'Exists', values: [] };
    throw new LabelSelectorError(selector, `cannot read "${term}" (expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key)`);
  });
}

/** Converts the structured form; operators other than the four known ones are errors. */
export function requirementsOf(selector: StructuredLabelSelector): LabelRequirement[] {
  const requirements: LabelRequirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
    key,
    operator: 'In',
    values: [value],
  }));
  for (const expression of selector.matchExpressions ?? []) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(expression.operator)) {
      throw new LabelSelectorError(JSON.stringify(expression), `unknown operator ${expression.operator}`);
    }
    requirements.push({
      key: expression.key,
      operator: expression.operator as LabelRequirement['operator'],
      values: expression.values ?? [],
    });
  }
  return requirements;
}

/** Whether labels satisfy every requirement (NotIn and DoesNotExist match absent keys). */
export function matchesRequirements(labels: Record<string, string> | undefined, requirements: LabelRequirement[]): boolean {
  const have = labels ?? {};
  return requirements.every(({ key, operator, values }) => {
    const present = Object.prototype.hasOwnProperty.call(have, key);
    switch (operator) {
      case 'In':
        return present && values.includes(have[key]);
      case 'NotIn':
        return !present || !values.includes(have[key]);
      case 'Exists':
        return present;
      case 'DoesNotExist':
        return !present;
      default:
        return false;
    }
  });
}

/** Whether labels match a selector in either form. */
export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: string | StructuredLabelSelector,
): boolean {
  const requirements = typeof selector === 'string' ? parseLabelSelector(selector) : requirementsOf(selector);
  return matchesRequirements(labels, requirements);
}

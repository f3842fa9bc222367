/*
 * Label selectors: the structured LabelSelector of workload specs, Service selector maps and
 * the string form used by `?labelSelector=` and scenario `podStates`.
 */

/** metav1.LabelSelectorRequirement */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

/** metav1.LabelSelector */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

type Labels = Record<string, string> | undefined;

function matchesRequirement(
  req: LabelSelectorRequirement,
  labels: Labels,
): boolean {
  const has =
    labels !== undefined &&
    Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels![req.key] : undefined;
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    // Node affinity operators, reused by the scheduler.
    case 'Gt':
      return has && Number(value) > Number((req.values ?? [])[0]);
    case 'Lt':
      return has && Number(value) < Number((req.values ?? [])[0]);
    default:
      return false;
  }
}

/**
 * Whether labels match a LabelSelector. An empty selector matches everything; a missing
 * selector matches nothing (as for a Deployment or PDB without one).
 */
export function matchesLabelSelector(
  selector: LabelSelector | undefined | null,
  labels: Labels,
): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels?.[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every(req =>
    matchesRequirement(req, labels),
  );
}

/** Whether labels contain every pair of a selector map (Service, ReplicationController). Empty matches nothing. */
export function matchesSelectorMap(
  selector: Record<string, string> | undefined,
  labels: Labels,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(
    ([key, value]) => labels?.[key] === value,
  );
}

// The term forms of the string syntax, tried in order.
const TERM_FORMS: Array<
  [RegExp, (m: RegExpExecArray) => LabelSelectorRequirement]
> = [
  [
    /^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/i,
    m => ({
      key: m[1],
      operator: m[2].toLowerCase() === 'in' ? 'In' : 'NotIn',
      values: m[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    }),
  ],
  [
    /^([^\s!=]+)\s*!=\s*(\S*)$/,
    m => ({ key: m[1], operator: 'NotIn', values: [m[2]] }),
  ],
  [
    /^([^\s!=]+)\s*==?\s*(\S*)$/,
    m => ({ key: m[1], operator: 'In', values: [m[2]] }),
  ],
  [/^!\s*([^\s!=]+)$/, m => ({ key: m[1], operator: 'DoesNotExist' })],
  [/^([^\s!=(),]+)$/, m => ({ key: m[1], operator: 'Exists' })],
];

/** Parses the string form ("app=web,tier in (a,b),!legacy,env!=dev") into requirements. */
export function parseSelector(text: string): LabelSelectorRequirement[] {
  const requirements: LabelSelectorRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const term = part.trim();
    if (!term) continue;
    const parsed = TERM_FORMS.map(([regex, build]) => {
      const match = regex.exec(term);
      return match ? build(match) : undefined;
    }).find(Boolean);
    if (!parsed)
      throw new Error(`invalid label selector term "${term}" in "${text}"`);
    requirements.push(parsed);
  }
  return requirements;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Whether labels match a selector in string form; the empty string matches everything. */
export function matchesSelectorString(text: string, labels: Labels): boolean {
  return parseSelector(text).every(req => matchesRequirement(req, labels));
}

/** Renders a LabelSelector in the string form, e.g. for status.selector of the scale subresource. */
export function selectorToString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts = Object.entries(selector.matchLabels ?? {}).map(
    ([k, v]) => `${k}=${v}`,
  );
  for (const req of selector.matchExpressions ?? []) {
    const values = (req.values ?? []).join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn')
      parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
  }
  return parts.join(',');
}

/** Whether labels match the node-affinity style requirements of one NodeSelectorTerm. */
export function matchesRequirements(
  requirements: LabelSelectorRequirement[] | undefined,
  labels: Labels,
): boolean {
  return (requirements ?? []).every(req => matchesRequirement(req, labels));
}

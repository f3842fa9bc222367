/*
 * Label selectors: the string form of `?labelSelector=` and scenario `podStates`
 * (k8s.io/apimachinery/pkg/labels), the metav1.LabelSelector object form (matchLabels /
 * matchExpressions) of workloads, PDBs, RBAC aggregation and quota scopes, the plain selector
 * maps of Services, and the NodeSelectorRequirements of node affinity.
 */
import { badRequest, StatusError } from './errors';

/** One parsed requirement. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | '!' | '=' | '!=' | 'gt' | 'lt';
  values: string[];
}

/** A compiled selector; an empty selector matches everything. */
export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const KEY_RE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?$/;
const VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A selector string that does not parse: 400 BadRequest, naming the requirement at fault. */
export class LabelSelectorParseError extends StatusError {
  constructor(readonly selector: string, readonly term: string, why: string) {
    super(badRequest(`unable to parse requirement: ${why}`).status);
  }
}

/** Splits on commas that are not inside a `( … )` value set. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkKey(selector: string, term: string, key: string): void {
  if (!KEY_RE.test(key)) {
    throw new LabelSelectorParseError(selector, term, `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`);
  }
}

function checkValue(selector: string, term: string, value: string): void {
  if (value.length > 63 || !VALUE_RE.test(value)) {
    throw new LabelSelectorParseError(selector, term, `invalid label value: "${value}": must be no more than 63 characters and consist of alphanumeric characters, '-', '_' or '.'`);
  }
}

function parseOne(selector: string, text: string): LabelRequirement {
  let m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (m) {
    checkKey(selector, text, m[1]);
    const values = m[3].split(',').map(v => v.trim());
    values.forEach(v => checkValue(selector, text, v));
    return { key: m[1], operator: m[2] as 'in' | 'notin', values };
  }
  m = /^!\s*(\S+)$/.exec(text);
  if (m) {
    checkKey(selector, text, m[1]);
    return { key: m[1], operator: '!', values: [] };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(\S*)$/.exec(text);
  if (m) {
    checkKey(selector, text, m[1]);
    const op = m[2];
    if (op === '>' || op === '<') {
      if (!/^-?\d+$/.test(m[3])) throw new LabelSelectorParseError(selector, text, `for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key: m[1], operator: op === '>' ? 'gt' : 'lt', values: [m[3]] };
    }
    checkValue(selector, text, m[3]);
    return { key: m[1], operator: op === '!=' ? '!=' : '=', values: [m[3]] };
  }
  if (/^\S+$/.test(text) && !/[=!()<>]/.test(text)) {
    checkKey(selector, text, text);
    return { key: text, operator: 'exists', values: [] };
  }
  throw new LabelSelectorParseError(selector, text, `found '${text}', expected: !, identifier, or 'end of string'`);
}

/** Parses `app=web,tier in (a,b),!legacy`; throws 400 BadRequest on bad input. */
export function parseLabelSelector(selector: string | undefined): LabelRequirement[] {
  if (!selector || !selector.trim()) return [];
  return splitRequirements(selector).map(text => parseOne(selector, text));
}

/** Whether labels satisfy one requirement. */
export function matchesRequirement(r: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case '=':
    case 'in':
      return has && r.values.includes(value!);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
      return has && /^-?\d+$/.test(value!) && Number(value) > Number(r.values[0]);
    case 'lt':
      return has && /^-?\d+$/.test(value!) && Number(value) < Number(r.values[0]);
    default:
      return false;
  }
}

/** Compiles a selector string into a matcher. */
export function labelMatcher(selector: string | undefined): LabelMatcher {
  const requirements = parseLabelSelector(selector);
  if (requirements.length === 0) return () => true;
  return labels => requirements.every(r => matchesRequirement(r, labels));
}

/** metav1.LabelSelectorRequirement, and the NodeSelectorRequirement of node affinity. */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** metav1.LabelSelector */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const SELECTOR_OPERATORS: Record<string, LabelRequirement['operator']> = { in: 'in', notin: 'notin', exists: 'exists', doesnotexist: '!' };
// Node affinity also compares integers.
const NODE_SELECTOR_OPERATORS: Record<string, LabelRequirement['operator']> = { ...SELECTOR_OPERATORS, gt: 'gt', lt: 'lt' };

/** The requirements of expressions; undefined when an operator is not one of `operators`. */
function expressionRequirements(
  expressions: LabelSelectorRequirement[],
  operators: Record<string, LabelRequirement['operator']>,
): LabelRequirement[] | undefined {
  const requirements: LabelRequirement[] = [];
  for (const e of expressions) {
    const operator = operators[e.operator.toLowerCase()];
    if (!operator) return undefined;
    requirements.push({ key: e.key, operator, values: e.values ?? [] });
  }
  return requirements;
}

function compileObjectMatcher(selector: LabelSelectorObject): LabelMatcher {
  const requirements: LabelRequirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
    key,
    operator: '=',
    values: [value],
  }));
  const expressions = expressionRequirements(selector.matchExpressions ?? [], SELECTOR_OPERATORS);
  if (!expressions) return () => false;
  requirements.push(...expressions);
  return labels => requirements.every(r => matchesRequirement(r, labels));
}

// Stored objects are frozen, so the matchers of their selectors can be reused until replaced.
const compiledSelectors = new WeakMap<LabelSelectorObject, LabelMatcher>();

/**
 * Compiles a metav1.LabelSelector. An empty object matches everything; a missing selector
 * matches nothing (as in RBAC aggregation, quota scope selectors, a Deployment or PDB without
 * one); so does a selector with an unknown operator.
 */
export function labelSelectorObjectMatcher(selector: LabelSelectorObject | undefined | null): LabelMatcher {
  if (!selector) return () => false;
  if (!Object.isFrozen(selector)) return compileObjectMatcher(selector);
  let matcher = compiledSelectors.get(selector);
  if (!matcher) {
    matcher = compileObjectMatcher(selector);
    compiledSelectors.set(selector, matcher);
  }
  return matcher;
}

/** Whether labels match a metav1.LabelSelector (see labelSelectorObjectMatcher). */
export function matchesLabelSelector(selector: LabelSelectorObject | undefined | null, labels: Record<string, string> | undefined): boolean {
  return labelSelectorObjectMatcher(selector)(labels);
}

/** Whether labels contain every pair of a selector map (Service, ReplicationController). Empty matches nothing. */
export function matchesSelectorMap(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Whether labels (or fields) meet every NodeSelectorRequirement of a node affinity term. */
export function matchesNodeSelectorRequirements(
  requirements: LabelSelectorRequirement[] | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const compiled = expressionRequirements(requirements ?? [], NODE_SELECTOR_OPERATORS);
  return !!compiled && compiled.every(r => matchesRequirement(r, labels));
}

/** The string form of a metav1.LabelSelector, as kubectl prints it. */
export function formatLabelSelectorObject(selector: LabelSelectorObject | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'exists') parts.push(e.key);
    else if (op === 'doesnotexist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

type Requirement =
  | { key: string; operator: 'exists' | 'doesNotExist' }
  | { key: string; operator: 'in' | 'notIn'; values: string[] }
  | { key: string; operator: 'gt' | 'lt'; value: number };

/** A label key: optional DNS prefix and slash, then the name. */
const KEY = '[A-Za-z0-9][A-Za-z0-9_.\\-/]*';
/** A label value (may be empty). */
const VALUE = '[A-Za-z0-9_.\\-]*';
const SET_REQUIREMENT = new RegExp(
  `^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`,
);
const OPERATOR_REQUIREMENT = new RegExp(
  `^(${KEY})\\s*(==|!=|=|<|>)\\s*(${VALUE})$`,
);
const NOT_EXISTS_REQUIREMENT = new RegExp(`^!\\s*(${KEY})$`);
const EXISTS_REQUIREMENT = new RegExp(`^${KEY}$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Parsed selectors, reused across calls (selectors come from few entities). */
const parsedSelectors = new Map<string, Requirement[]>();
const PARSED_SELECTORS_LIMIT = 1000;

/**
 * Splits on commas that are not inside parentheses.
 */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim());
}

function parseRequirement(text: string): Requirement {
  const setMatch = SET_REQUIREMENT.exec(text);
  if (setMatch) {
    const [, key, op, list] = setMatch;
    const values = list
      .split(',')
      .map(v => v.trim())
      .filter((v, _i, all) => v !== '' || all.length === 1);
    if (!values.every(v => VALUE_ONLY.test(v))) {
      throw new Error(`Invalid label selector requirement "${text}"`);
    }
    return { key, operator: op === 'in' ? 'in' : 'notIn', values };
  }
  const opMatch = OPERATOR_REQUIREMENT.exec(text);
  if (opMatch) {
    const [, key, op, value] = opMatch;
    if (op === '<' || op === '>') {
      const number = Number(value);
      if (value === '' || !Number.isInteger(number)) {
        throw new Error(`Invalid label selector requirement "${text}"`);
      }
      return { key, operator: op === '>' ? 'gt' : 'lt', value: number };
    }
    return { key, operator: op === '!=' ? 'notIn' : 'in', values: [value] };
  }
  const notExists = NOT_EXISTS_REQUIREMENT.exec(text);
  if (notExists) {
    return { key: notExists[1], operator: 'doesNotExist' };
  }
  if (EXISTS_REQUIREMENT.test(text)) {
    return { key: text, operator: 'exists' };
  }
  throw new Error(`Invalid label selector requirement "${text}"`);
}

function matches(requirement: Requirement, labels: Record<string, string>) {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'exists':
      return has;
    case 'doesNotExist':
      return !has;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notIn':
      return value === undefined || !requirement.values.includes(value);
    case 'gt':
    case 'lt': {
      if (value === undefined || !/^-?\d+$/.test(value)) {
        return false;
      }
      const n = Number(value);
      return requirement.operator === 'gt'
        ? n > requirement.value
        : n < requirement.value;
    }
    default:
      return false;
  }
}

/**
 * Whether a set of labels matches a Kubernetes label selector string, in the
 * forms the API server accepts for `?labelSelector=` (and therefore for
 * Backstage's `backstage.io/kubernetes-label-selector` annotation):
 *
 * - equality: `app=api`, `app==api`, inequality: `tier!=batch` (also matches
 *   when the label is absent)
 * - sets: `env in (prod, staging)`, `env notin (dev)` (`notin` also matches
 *   when the label is absent)
 * - existence: `app`, non-existence: `!app`
 * - integer comparison: `replicas>2`, `replicas<5`
 *
 * Requirements are comma-separated and all must hold; an empty selector
 * matches everything. Throws on a malformed selector.
 *
 * @public
 */
export function labelSelectorMatches(
  selector: string,
  labels: Record<string, string> | undefined,
): boolean {
  const trimmed = selector.trim();
  if (trimmed === '') {
    return true;
  }
  let requirements = parsedSelectors.get(trimmed);
  if (!requirements) {
    requirements = splitRequirements(trimmed).map(parseRequirement);
    if (parsedSelectors.size >= PARSED_SELECTORS_LIMIT) {
      parsedSelectors.clear();
    }
    parsedSelectors.set(trimmed, requirements);
  }
  const actual = labels ?? {};
  return requirements.every(r => matches(r, actual));
}

import { StatusError } from './Status';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: Set<string> }
  | { op: 'exists' | 'notexists'; key: string };

/** A structured selector as found in `spec.selector` of workloads. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
    values?: string[];
  }>;
}

const keyPattern =
  /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * A parsed label selector, in the string syntax of `?labelSelector=`:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`.
 */
export class LabelSelector {
  private constructor(private readonly requirements: Requirement[]) {}

  static readonly everything = new LabelSelector([]);

  /** Parses the query string form; throws a 400 Status on bad syntax. */
  static parse(text: string | undefined | null): LabelSelector {
    if (!text || !text.trim()) {
      return LabelSelector.everything;
    }
    const requirements: Requirement[] = [];
    for (const part of splitTopLevel(text)) {
      requirements.push(parseRequirement(part.trim(), text));
    }
    return new LabelSelector(requirements);
  }

  /** Builds a selector from the structured `matchLabels`/`matchExpressions` form. */
  static fromSpec(spec: LabelSelectorSpec | undefined): LabelSelector {
    if (!spec) {
      return new LabelSelector([{ op: 'notexists', key: '' }]);
    }
    const requirements: Requirement[] = [];
    for (const [key, value] of Object.entries(spec.matchLabels ?? {})) {
      requirements.push({ op: 'eq', key, value });
    }
    for (const expr of spec.matchExpressions ?? []) {
      switch (expr.operator) {
        case 'In':
          requirements.push({
            op: 'in',
            key: expr.key,
            values: new Set(expr.values ?? []),
          });
          break;
        case 'NotIn':
          requirements.push({
            op: 'notin',
            key: expr.key,
            values: new Set(expr.values ?? []),
          });
          break;
        case 'Exists':
          requirements.push({ op: 'exists', key: expr.key });
          break;
        case 'DoesNotExist':
          requirements.push({ op: 'notexists', key: expr.key });
          break;
        default:
          throw StatusError.badRequest(
            `"${expr.operator}" is not a valid label selector operator`,
          );
      }
    }
    return new LabelSelector(requirements);
  }

  get isEverything(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Record<string, string> | undefined): boolean {
    const l = labels ?? {};
    for (const r of this.requirements) {
      const has = Object.prototype.hasOwnProperty.call(l, r.key);
      switch (r.op) {
        case 'eq':
          if (!has || l[r.key] !== r.value) return false;
          break;
        case 'neq':
          if (has && l[r.key] === r.value) return false;
          break;
        case 'in':
          if (!has || !r.values.has(l[r.key])) return false;
          break;
        case 'notin':
          if (has && r.values.has(l[r.key])) return false;
          break;
        case 'exists':
          if (!has) return false;
          break;
        case 'notexists':
          if (has || r.key === '') return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  toString(): string {
    return this.requirements
      .map(r => {
        switch (r.op) {
          case 'eq':
            return `${r.key}=${r.value}`;
          case 'neq':
            return `${r.key}!=${r.value}`;
          case 'in':
            return `${r.key} in (${[...r.values].sort().join(',')})`;
          case 'notin':
            return `${r.key} notin (${[...r.values].sort().join(',')})`;
          case 'exists':
            return r.key;
          default:
            return `!${r.key}`;
        }
      })
      .join(',');
  }
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function invalid(selector: string, detail: string): StatusError {
  return StatusError.badRequest(
    `unable to parse requirement: ${detail} (in label selector "${selector}")`,
  );
}

function checkKey(key: string, selector: string): string {
  if (!keyPattern.test(key)) {
    throw invalid(
      selector,
      `<nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
  return key;
}

function parseRequirement(part: string, selector: string): Requirement {
  if (!part) {
    throw invalid(selector, "found '', expected: identifier");
  }
  const setMatch = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
  if (setMatch) {
    const values = setMatch[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v !== '');
    return {
      op: setMatch[2] as 'in' | 'notin',
      key: checkKey(setMatch[1], selector),
      values: new Set(values),
    };
  }
  const cmp = /^([^!=\s]+)\s*(==|!=|=)\s*(\S*)$/.exec(part);
  if (cmp) {
    const value = cmp[3];
    if (value && !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value)) {
      throw invalid(
        selector,
        `<nil>: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'`,
      );
    }
    return {
      op: cmp[2] === '!=' ? 'neq' : 'eq',
      key: checkKey(cmp[1], selector),
      value,
    };
  }
  if (part.startsWith('!')) {
    return { op: 'notexists', key: checkKey(part.slice(1).trim(), selector) };
  }
  if (/^\S+$/.test(part)) {
    return { op: 'exists', key: checkKey(part, selector) };
  }
  throw invalid(selector, `found '${part}', expected: in, notin, =, ==, !=`);
}

import type { z } from 'zod';

/** `['controls', 3, 'severity']` → `controls[3].severity` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) {
      out += out ? `.${String(key)}` : String(key);
    } else {
      out += `['${String(key)}']`;
    }
  }
  return out || '(root)';
}

function shown(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return JSON.stringify(value);
}

/**
 * One zod issue as `<field path>: expected ..., got ...`. Parse with
 * `reportInput: true` so the offending value can be quoted.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  prefix: ReadonlyArray<PropertyKey> = [],
): string {
  const path = fieldPath([...prefix, ...issue.path]);
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? `${path}: missing, expected ${issue.expected}`
        : `${path}: expected ${issue.expected}, got ${shown(input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${path}: expected ${shown(issue.values[0])}, got ${shown(input)}`
        : `${path}: expected one of ${issue.values
            .map(v => String(v))
            .join(', ')}, got ${shown(input)}`;
    case 'unrecognized_keys':
      return `${path}: unknown ${
        issue.keys.length === 1 ? 'key' : 'keys'
      } ${issue.keys.map(k => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${path}: expected at least ${issue.minimum} item(s)`
        : `${path}: expected ${issue.message.replace(
            /^Too small: expected /,
            '',
          )}`;
    default:
      return `${path}: ${issue.message}${
        input !== undefined ? `, got ${shown(input)}` : ''
      }`;
  }
}

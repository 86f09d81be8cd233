/** Orders strings by UTF-16 code units, independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

// JavaScript enumerates array-index-like keys first, in numeric order, so an
// object rebuilt with such keys cannot hold them in code-unit order.
const INDEX_LIKE_KEY = /^(?:0|[1-9]\d*)$/;

class NeedsSlowPath extends Error {}

/**
 * The value itself when every object in it already lists its keys in
 * code-unit order, else a copy whose objects do, so that the native
 * `JSON.stringify` writes the canonical text.
 */
function sortedView(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string') {
    return value;
  }
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(
          `${path}: cannot serialise non-finite number ${value}`,
        );
      }
      return value;
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: cannot serialise ${typeof value}`);
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] ?? null;
      const view = sortedView(item, path);
      if (view !== value[i]) {
        copy ??= value.slice();
        copy[i] = view;
      }
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    throw new NeedsSlowPath();
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  let changed = false;
  const views: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (i > 0 && !(keys[i - 1] < key)) {
      sorted = false;
    }
    const member = record[key];
    if (member === undefined) {
      views[i] = undefined;
      continue;
    }
    views[i] = sortedView(member, path);
    changed ||= views[i] !== member;
  }
  if (sorted && !changed) {
    return value;
  }
  if (!sorted && keys.some(key => INDEX_LIKE_KEY.test(key))) {
    throw new NeedsSlowPath();
  }
  const order = keys.map((_key, i) => i);
  if (!sorted) {
    order.sort((a, b) => compareCodeUnits(keys[a], keys[b]));
  }
  const copy: Record<string, unknown> = {};
  for (const i of order) {
    if (views[i] !== undefined) {
      copy[keys[i]] = views[i];
    }
  }
  return copy;
}

function slowCanonicalJson(value: unknown, path: string): string {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'string'
  ) {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(
        `${path}: cannot serialise non-finite number ${value}`,
      );
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((v, i) => slowCanonicalJson(v ?? null, `${path}[${i}]`))
      .join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries
      .map(
        ([k, v]) =>
          `${JSON.stringify(k)}:${slowCanonicalJson(v, `${path}.${k}`)}`,
      )
      .join(',')}}`;
  }
  throw new TypeError(`${path}: cannot serialise ${typeof value}`);
}

/**
 * Canonical JSON, the text the evidence and audit chains hash: object keys
 * sorted by UTF-16 code units at every depth, no whitespace, `undefined`
 * members omitted (and `null` in arrays), non-finite numbers refused.
 *
 * Objects whose keys are already in order (most evidence) are written by the
 * native `JSON.stringify` without being copied.
 *
 * @public
 */
export function canonicalJson(value: unknown, path = 'value'): string {
  try {
    return JSON.stringify(sortedView(value ?? null, path));
  } catch {
    // Objects the fast path cannot order, or a value that cannot be
    // serialised: the slow path writes the former and names the field of
    // the latter.
    return slowCanonicalJson(value ?? null, path);
  }
}

import { mergeKeyFor, setLikeFields } from './mergeKeys';
import { JsonObject, JsonValue } from './types';

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Removes `$patch`, `$setElementOrder/...` and other directives. */
function stripDirectives(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value
      .filter(v => !(isObject(v) && v.$patch === 'delete'))
      .map(stripDirectives);
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) continue;
      out[k] = stripDirectives(v);
    }
    return out;
  }
  return value;
}

function mergeList(
  field: string,
  original: JsonValue[],
  patch: JsonValue[],
): JsonValue[] {
  if (patch.some(p => isObject(p) && p.$patch === 'replace')) {
    return patch
      .filter(p => !(isObject(p) && p.$patch === 'replace'))
      .map(stripDirectives);
  }
  const key = mergeKeyFor(field, patch.length ? patch : original);
  if (!key) {
    if (setLikeFields.has(field)) {
      const out = [...original];
      for (const item of patch) if (!out.includes(item)) out.push(item);
      return out;
    }
    return patch.map(stripDirectives);
  }
  const result = [...original];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex(o => isObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeObject(result[index] as JsonObject, item);
    } else {
      result.push(stripDirectives(item));
    }
  }
  return result;
}

function mergeObject(original: JsonObject, patch: JsonObject): JsonObject {
  if (patch.$patch === 'replace') {
    return stripDirectives(patch) as JsonObject;
  }
  const result: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        result[field] = current.filter(v => !value.includes(v));
      }
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
    } else if (isObject(value) && value.$patch === 'delete') {
      delete result[key];
    } else if (isObject(value) && isObject(result[key])) {
      result[key] = mergeObject(result[key] as JsonObject, value);
    } else if (Array.isArray(value) && Array.isArray(result[key])) {
      result[key] = mergeList(key, result[key] as JsonValue[], value);
    } else {
      result[key] = stripDirectives(value);
    }
  }
  return result;
}

/**
 * Applies a strategic merge patch (`application/strategic-merge-patch+json`):
 * maps merge, `null` deletes, lists with a merge key merge element-wise,
 * and the `$patch: delete|replace` and `$deleteFromPrimitiveList`
 * directives are honoured.
 */
export function strategicMergePatch(
  original: JsonObject,
  patch: JsonObject,
): JsonObject {
  return mergeObject(original, patch);
}

/** Keys whose values are (nearly) unique per object: not worth pooling. */
const UNIQUE_KEYS = new Set(['uid', 'message', 'name', 'resourceVersion']);
const POOL_LIMIT = 200_000;
const pool = new Map<string, string>();

/** One shared copy of a string (bounded pool). */
export function intern(value: string): string {
  const existing = pool.get(value);
  if (existing !== undefined) return existing;
  if (pool.size >= POOL_LIMIT) pool.clear();
  pool.set(value, value);
  return value;
}

/** Forgets every pooled string (they stay shared where already used). */
export function clearInternedStrings(): void {
  pool.clear();
}

/**
 * Replaces repeated string values in a freshly parsed projection (label
 * values, images, condition types and statuses, node names, timestamps
 * shared by many objects) with one shared copy, in place. JSON parsing
 * gives every object its own copies; across tens of thousands of pods that
 * is most of the cache's memory. Returns the same object.
 *
 * @public
 */
export function internStrings<T>(value: T): T {
  walk(value);
  return value;
}

function walk(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'string') value[i] = intern(item);
      else walk(item);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') {
      if (!UNIQUE_KEYS.has(key)) record[key] = intern(item);
    } else {
      walk(item);
    }
  }
}

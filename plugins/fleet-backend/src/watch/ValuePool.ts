import { clearInternedStrings, intern } from './internStrings';

/**
 * Bits remembering which hashes were seen (512 KiB). A collision only means
 * a value seen once is pooled as if seen twice, which costs a pool entry.
 */
const SEEN_BITS = 1 << 22;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193) | 0;
}

function hashString(hash: number, value: string): number {
  let h = hash;
  for (let i = 0; i < value.length; i++) h = mix(h, value.charCodeAt(i));
  return mix(h, 0xff);
}

function hashPrimitive(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return hashString(1, value);
    case 'number':
      return hashString(2, String(value));
    case 'boolean':
      return value ? 3 : 4;
    default:
      return value === null ? 5 : 6;
  }
}

/** Structural equality of two values built by the pool (so plain JSON-like). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return false;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i];
    if (
      key !== keysB[i] ||
      !same(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
      )
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Hash-consing for immutable JSON-like values: {@link ValuePool.share}
 * returns a frozen copy whose sub-objects and sub-arrays are the very same
 * objects as equal ones shared before. Label sets, owner references,
 * container lists and condition lists repeat across thousands of pods; kept
 * once, they cost nothing per pod.
 *
 * A value is found by a structural hash and confirmed by comparing fields.
 * Only values seen at least twice are kept in the pool (weakly: entries of
 * collected values are swept as the pool grows); a value seen once costs
 * one bit, so the many values unique to one workload (its name, selector,
 * messages) carry no pool overhead. Strings are interned the same way.
 *
 * @public
 */
export class ValuePool {
  /** Hash → the value (most hashes) or the values sharing it. */
  private readonly buckets = new Map<
    number,
    WeakRef<object> | WeakRef<object>[]
  >();
  private seen = new Uint8Array(SEEN_BITS / 8);
  private seenCount = 0;
  private entries = 0;
  private sweepAt = 1024;

  /** Number of distinct values held (live or not yet swept). */
  get size(): number {
    return this.entries;
  }

  /** A frozen, shared copy of `value` (strings interned, `undefined` fields dropped). */
  share<T>(value: T): T {
    return this.shareValue(value).value as T;
  }

  /**
   * Like {@link ValuePool.share} for a value that is itself unique (a
   * workload's own fields): its parts are shared, the value is only frozen.
   */
  shareParts<T extends object>(value: T): T {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      if (field !== undefined) copy[name] = this.shareValue(field).value;
    }
    return Object.freeze(copy) as T;
  }

  private shareValue(value: unknown): { value: unknown; hash: number } {
    if (typeof value === 'string') {
      // Interned from the second sighting on: a string unique to one
      // object (a name, a message) costs no pool entry.
      const hash = hashPrimitive(value);
      return {
        value: this.seenBefore(hash ^ 0x5bd1e995) ? intern(value) : value,
        hash,
      };
    }
    if (value === null || typeof value !== 'object') {
      return { value, hash: hashPrimitive(value) };
    }
    let copy: object;
    let hash: number;
    if (Array.isArray(value)) {
      hash = 7;
      copy = value.map(item => {
        const shared = this.shareValue(item);
        hash = mix(hash, shared.hash);
        return shared.value;
      });
    } else {
      hash = 8;
      const fields: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(value)) {
        if (field === undefined) continue;
        const shared = this.shareValue(field);
        fields[name] = shared.value;
        hash = mix(hashString(hash, name), shared.hash);
      }
      copy = fields;
    }
    const found = this.buckets.get(hash);
    let bucket: WeakRef<object>[] = [];
    if (Array.isArray(found)) bucket = found;
    else if (found) bucket = [found];
    for (const ref of bucket) {
      const existing = ref.deref();
      if (existing && same(existing, copy)) return { value: existing, hash };
    }
    Object.freeze(copy);
    if (!this.seenBefore(hash)) return { value: copy, hash };
    const ref = new WeakRef(copy);
    this.buckets.set(hash, bucket.length === 0 ? ref : [...bucket, ref]);
    this.entries += 1;
    if (this.entries >= this.sweepAt) this.sweep();
    return { value: copy, hash };
  }

  /** Forgets every shared value (they stay shared where already used). */
  clear(): void {
    this.buckets.clear();
    this.seen = new Uint8Array(SEEN_BITS / 8);
    this.seenCount = 0;
    this.entries = 0;
    this.sweepAt = 1024;
  }

  /** Whether a hash was seen before; marks it seen. Starts over when a quarter full. */
  private seenBefore(hash: number): boolean {
    const bit = hash & (SEEN_BITS - 1);
    const byte = bit >>> 3;
    const mask = 1 << (bit & 7);
    if (this.seen[byte] & mask) return true;
    if (this.seenCount >= SEEN_BITS / 4) {
      this.seen.fill(0);
      this.seenCount = 0;
    }
    this.seen[byte] |= mask;
    this.seenCount += 1;
    return false;
  }

  /** Drops entries whose value is gone. */
  private sweep() {
    let live = 0;
    for (const [hash, found] of this.buckets) {
      const kept = (Array.isArray(found) ? found : [found]).filter(
        ref => ref.deref() !== undefined,
      );
      if (kept.length === 0) this.buckets.delete(hash);
      else this.buckets.set(hash, kept.length === 1 ? kept[0] : kept);
      live += kept.length;
    }
    this.entries = live;
    this.sweepAt = Math.max(1024, live * 2);
  }
}

/** The pool the watch cache shares its projections through. */
export const valuePool = new ValuePool();

/**
 * Empties the pools behind the watch cache's sharing (values and strings),
 * so that memory held only by them can be collected once every cache is
 * stopped: for measuring what a cache holds.
 */
export function releaseSharedValues(): void {
  valuePool.clear();
  clearInternedStrings();
}

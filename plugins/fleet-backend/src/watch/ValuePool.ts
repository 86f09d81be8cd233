import { intern } from './internStrings';

/** A shared value's id, kept on the value itself (not enumerable, not serialised). */
const ID = Symbol('shared value id');

type Shared = object & { [ID]?: number };

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193) >>> 0;
}

function hashString(hash: number, value: string): number {
  let h = hash;
  for (let i = 0; i < value.length; i++) h = mix(h, value.charCodeAt(i));
  return mix(h, 0xff);
}

function hashValue(hash: number, value: unknown): number {
  switch (typeof value) {
    case 'string':
      return hashString(mix(hash, 1), value);
    case 'number':
      return hashString(mix(hash, 2), String(value));
    case 'boolean':
      return mix(hash, value ? 3 : 4);
    case 'object':
      return value === null ? mix(hash, 5) : mix(hash, (value as Shared)[ID]!);
    default:
      return mix(hash, 6);
  }
}

/** Same fields, each identical (nested values are already shared). */
function sameShape(a: object, b: object): boolean {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i];
    if (
      key !== keysB[i] ||
      (a as Record<string, unknown>)[key] !==
        (b as Record<string, unknown>)[key]
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Hash-consing for immutable JSON-like values: {@link ValuePool.share}
 * returns a frozen copy whose sub-objects and sub-arrays are the very same
 * objects as any equal ones shared before. Label sets, owner references,
 * container lists and condition lists repeat across thousands of pods; kept
 * once, they cost nothing per pod.
 *
 * Values are found by a hash of their own fields (nested values count by
 * identity, being shared already) and confirmed field by field, so the pool
 * holds no key strings. Entries are held weakly; dead ones are swept as the
 * pool grows.
 *
 * @public
 */
export class ValuePool {
  /** Hash → the value (most hashes) or the values sharing it. */
  private readonly buckets = new Map<
    number,
    WeakRef<Shared> | WeakRef<Shared>[]
  >();
  private nextId = 1;
  private entries = 0;
  private sweepAt = 1024;

  /** Number of distinct values held (live or not yet swept). */
  get size(): number {
    return this.entries;
  }

  /** A frozen, shared copy of `value` (strings interned, `undefined` fields dropped). */
  share<T>(value: T): T {
    return this.shareValue(value) as T;
  }

  /**
   * Like {@link ValuePool.share} for a value that is itself unique (a
   * workload's own fields): its parts are shared, the value is only frozen.
   */
  shareParts<T extends object>(value: T): T {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      if (field !== undefined) copy[name] = this.shareValue(field);
    }
    return Object.freeze(copy) as T;
  }

  private shareValue(value: unknown): unknown {
    if (typeof value === 'string') return intern(value);
    if (value === null || typeof value !== 'object') return value;
    let copy: Shared;
    let hash = 0x811c9dc5;
    if (Array.isArray(value)) {
      const items = value.map(v => this.shareValue(v));
      hash = mix(hash, 7);
      for (const item of items) hash = hashValue(hash, item);
      copy = items;
    } else {
      const fields: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(value)) {
        if (field === undefined) continue;
        const shared = this.shareValue(field);
        fields[name] = shared;
        hash = hashValue(hashString(hash, name), shared);
      }
      copy = fields;
    }
    const found = this.buckets.get(hash);
    let bucket: WeakRef<Shared>[] = [];
    if (Array.isArray(found)) bucket = found;
    else if (found) bucket = [found];
    for (const ref of bucket) {
      const existing = ref.deref();
      if (existing && sameShape(existing, copy)) return existing;
    }
    Object.defineProperty(copy, ID, { value: this.nextId++ });
    Object.freeze(copy);
    const ref = new WeakRef(copy);
    if (bucket.length === 0) this.buckets.set(hash, ref);
    else this.buckets.set(hash, [...bucket, ref]);
    this.entries += 1;
    if (this.entries >= this.sweepAt) this.sweep();
    return copy;
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

import type { EvidenceRecord } from './EvidenceRecord';

/** Orders strings by UTF-16 code units, independent of locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function canonicalJson(value: unknown, path: string): string {
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
      .map((v, i) => canonicalJson(v ?? null, `${path}[${i}]`))
      .join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries
      .map(
        ([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, `${path}.${k}`)}`,
      )
      .join(',')}}`;
  }
  throw new TypeError(`${path}: cannot serialise ${typeof value}`);
}

/**
 * The exact text that is hashed for an evidence record: JSON of every field
 * except `hash`, with object keys sorted by UTF-16 code unit order at every
 * depth, no whitespace, and `undefined` members omitted. Writer and verifier
 * must both use this function.
 *
 * @public
 */
export function canonicalEvidencePayload(
  record: Omit<EvidenceRecord, 'hash'> & { hash?: string },
): string {
  const { hash: _hash, ...payload } = record;
  return canonicalJson(payload, 'record');
}

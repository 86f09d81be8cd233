import type { EvidenceRecord } from './EvidenceRecord';
import { canonicalJson } from './canonicalJson';

/**
 * The exact text that is hashed for an evidence record: JSON of every field
 * except `hash`, with object keys sorted by UTF-16 code unit order at every
 * depth, no whitespace, and `undefined` members omitted. Writer and verifier
 * must both use this function.
 *
 * `observedJson`, when given, is `canonicalJson(record.observed)` already
 * computed (or as stored), so a verifier hashes a stored record without
 * parsing it.
 *
 * @public
 */
export function canonicalEvidencePayload(
  record: Omit<EvidenceRecord, 'hash' | 'observed'> & {
    observed?: EvidenceRecord['observed'];
    hash?: string;
  },
  options: { observedJson?: string } = {},
): string {
  const observed =
    options.observedJson ?? canonicalJson(record.observed, 'record.observed');
  // The record's fields in code-unit order, as canonicalJson would write them.
  return (
    `{"controlId":${JSON.stringify(record.controlId)}` +
    `,"controlsVersion":${JSON.stringify(record.controlsVersion)}` +
    `,"entityRef":${JSON.stringify(record.entityRef)}` +
    `,"evaluatedAt":${JSON.stringify(record.evaluatedAt)}` +
    `,"evaluationId":${JSON.stringify(record.evaluationId)}` +
    `,"observed":${observed}` +
    `,"prevHash":${JSON.stringify(record.prevHash)}` +
    `,"seq":${
      // A whole number's JSON is its decimal text.
      Number.isSafeInteger(record.seq)
        ? String(record.seq)
        : canonicalJson(record.seq, 'record.seq')
    }` +
    `,"status":${JSON.stringify(record.status)}}`
  );
}

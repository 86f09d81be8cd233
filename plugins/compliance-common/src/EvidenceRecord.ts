import type { ControlStatus } from './ControlResult';
import type { Observed } from './Observed';

/**
 * One append-only, hash-chained evidence entry: the result of one control
 * for one entity in one evaluation run.
 *
 * `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of
 * `canonicalEvidencePayload(record)`, which covers every other field
 * including `prevHash`. The first record's `prevHash` is
 * `evidenceGenesisHash`. The writer computes hashes; any verifier recomputes
 * them the same way.
 *
 * @public
 */
export interface EvidenceRecord {
  /** Position in the chain, starting at 1, without gaps. */
  seq: number;
  evaluationId: string;
  entityRef: string;
  controlId: string;
  status: ControlStatus;
  observed: Observed;
  controlsVersion: string;
  /** ISO 8601 */
  evaluatedAt: string;
  prevHash: string;
  hash: string;
}

/**
 * `prevHash` of the first evidence record.
 *
 * @public
 */
export const evidenceGenesisHash = '0'.repeat(64);

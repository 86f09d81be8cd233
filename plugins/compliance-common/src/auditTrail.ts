/**
 * One entry of the durable, hash-chained audit trail
 * (`GET /api/compliance/audit-events`).
 *
 * @public
 */
export interface AuditEvent {
  seq: number;
  /** ISO 8601 */
  at: string;
  /** Entity ref of the user or service that acted. */
  actor: string;
  /** e.g. `exemption.requested`, `compliance.exported`, `scaffolder.action` */
  action: string;
  entityRef?: string;
  /** JSON details, with secret-looking keys removed. */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * Filters of the audit trail; `from` and `to` are ISO 8601, inclusive.
 *
 * @public
 */
export interface AuditEventQuery {
  actor?: string;
  action?: string;
  entityRef?: string;
  from?: string;
  to?: string;
}

/**
 * The outcome of verifying one hash chain (evidence or audit trail).
 *
 * @public
 */
export interface ChainVerification {
  ok: boolean;
  /** Records whose hash and link were checked. */
  checked: number;
  /** The first record that does not verify, when `ok` is false. */
  firstBadSeq?: number;
  problem?: string;
}

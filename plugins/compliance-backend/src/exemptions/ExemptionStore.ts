import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { Knex } from 'knex';
import type {
  Exemption,
  ExemptionState,
} from '@carepath/plugin-compliance-common';

interface ExemptionRow {
  id: string;
  entity_ref: string;
  control_id: string;
  justification: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

const MAX_EXEMPTION_MS = 366 * 24 * 60 * 60 * 1000;
const MIN_JUSTIFICATION = 20;

function fromRow(row: ExemptionRow, now: Date): Exemption {
  // Expiry is a matter of time, not of a write: an exemption whose time has
  // passed reads as expired whatever its stored state.
  const expired =
    (row.state === 'approved' || row.state === 'requested') &&
    new Date(row.expires_at).getTime() <= now.getTime();
  return {
    id: row.id,
    entityRef: row.entity_ref,
    controlId: row.control_id,
    justification: row.justification,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    state: expired ? 'expired' : (row.state as ExemptionState),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.decision_comment !== null
      ? { decisionComment: row.decision_comment }
      : {}),
  };
}

/**
 * Exemption requests and decisions. An exemption is time-boxed (at most a
 * year), justified, and decided by someone other than the requester.
 *
 * @public
 */
export class ExemptionStore {
  readonly #knex: Knex;

  constructor(options: { knex: Knex }) {
    this.#knex = options.knex;
  }

  /**
   * Records a request. `write` runs in the same transaction (the audit
   * event), so a request is never stored without it.
   */
  async request(options: {
    entityRef: string;
    controlId: string;
    justification: string;
    expiresAt: string;
    requestedBy: string;
    now: Date;
    /** An id chosen by the caller (seeded demo data); default a new UUID. */
    id?: string;
    write?: (trx: Knex.Transaction, exemption: Exemption) => Promise<unknown>;
  }): Promise<Exemption> {
    const { now } = options;
    const justification = options.justification.trim();
    if (justification.length < MIN_JUSTIFICATION) {
      throw new InputError(
        `justification must explain the accepted risk in at least ${MIN_JUSTIFICATION} characters`,
      );
    }
    const expires = new Date(options.expiresAt);
    if (Number.isNaN(expires.getTime())) {
      throw new InputError(
        `expiresAt must be an ISO 8601 time, got "${options.expiresAt}"`,
      );
    }
    if (expires.getTime() <= now.getTime()) {
      throw new InputError('expiresAt must be in the future');
    }
    if (expires.getTime() - now.getTime() > MAX_EXEMPTION_MS) {
      throw new InputError(
        'expiresAt must be at most one year away; request a new exemption when it ends',
      );
    }
    const row: ExemptionRow = {
      id: options.id ?? randomUUID(),
      entity_ref: options.entityRef,
      control_id: options.controlId,
      justification,
      requested_by: options.requestedBy,
      requested_at: now.toISOString(),
      expires_at: expires.toISOString(),
      state: 'requested',
      decided_by: null,
      decided_at: null,
      decision_comment: null,
    };
    const exemption = fromRow(row, now);
    await this.#knex.transaction(async trx => {
      await trx('exemptions').insert(row);
      await options.write?.(trx, exemption);
    });
    return exemption;
  }

  /** Decides a request; `write` runs in the same transaction. */
  async decide(options: {
    id: string;
    decision: 'approved' | 'rejected';
    decidedBy: string;
    comment: string;
    now: Date;
    write?: (trx: Knex.Transaction, exemption: Exemption) => Promise<unknown>;
  }): Promise<Exemption> {
    const { id, now } = options;
    return this.#knex.transaction(async trx => {
      const row: ExemptionRow | undefined = await trx('exemptions')
        .where({ id })
        .first();
      if (!row) {
        throw new NotFoundError(`No exemption ${id}`);
      }
      const current = fromRow(row, now);
      if (current.state !== 'requested') {
        throw new ConflictError(
          `Exemption ${id} is ${current.state}; only a requested exemption can be decided`,
        );
      }
      if (current.requestedBy === options.decidedBy) {
        throw new NotAllowedError(
          'An exemption must be decided by someone other than its requester',
        );
      }
      const decided = {
        state: options.decision,
        decided_by: options.decidedBy,
        decided_at: now.toISOString(),
        decision_comment: options.comment,
      };
      // Guarded on the state so two concurrent decisions cannot both win.
      const updated = await trx('exemptions')
        .where({ id, state: 'requested' })
        .update(decided);
      if (updated !== 1) {
        throw new ConflictError(`Exemption ${id} was decided concurrently`);
      }
      const exemption = fromRow({ ...row, ...decided }, now);
      await options.write?.(trx, exemption);
      return exemption;
    });
  }

  /** Whether an exemption with this id exists, in any state. */
  async exists(id: string): Promise<boolean> {
    return Boolean(await this.#knex('exemptions').where({ id }).first('id'));
  }

  async get(options: { id: string; now: Date }): Promise<Exemption> {
    const row = await this.#knex('exemptions')
      .where({ id: options.id })
      .first();
    if (!row) {
      throw new NotFoundError(`No exemption ${options.id}`);
    }
    return fromRow(row, options.now);
  }

  async list(options: {
    state?: ExemptionState;
    entityRef?: string;
    now: Date;
  }): Promise<Exemption[]> {
    const q = this.#knex<ExemptionRow>('exemptions').orderBy('requested_at');
    if (options.entityRef) q.where('entity_ref', options.entityRef);
    const rows: ExemptionRow[] = await q;
    return rows
      .map(row => fromRow(row, options.now))
      .filter(e => !options.state || e.state === options.state);
  }
}

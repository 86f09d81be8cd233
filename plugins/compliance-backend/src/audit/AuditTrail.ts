import {
  canonicalJson,
  type AuditEvent,
  type AuditEventQuery as AuditEventFilters,
} from '@carepath/plugin-compliance-common';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/config';
import type { Request } from 'express';
import type { Knex } from 'knex';
import {
  HashChain,
  type ChainStart,
  type ChainVerification,
} from '../evidence/HashChain';
import { redactSecrets } from './redactSecrets';

/**
 * The audit action recording an evidence retention purge; its details hold
 * where the retained evidence chain starts.
 *
 * @public
 */
export type { AuditEvent };

/**
 * Filters of `AuditTrail.list`: the API's filters and a row limit.
 *
 * @public
 */
export type AuditEventQuery = AuditEventFilters & { limit?: number };

export const evidencePurgedAction = 'evidence.purged';

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_ref: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function toRow(event: Omit<AuditEvent, 'hash'>): Omit<AuditRow, 'hash'> {
  return {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    entity_ref: event.entityRef ?? null,
    details: JSON.stringify(event.details),
    prev_hash: event.prevHash,
  };
}

function fromRow(row: AuditRow): AuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The durable audit trail: a hash chain beside the evidence chain, with the
 * same guarantees (append-only, one locked head, verifiable).
 *
 * @public
 */
export class AuditTrail {
  readonly #knex: Knex;
  readonly #auditor: AuditorService | undefined;
  readonly #chain: HashChain<AuditEvent, AuditRow>;

  /**
   * `auditor` receives every event appended, as Backstage's own audit log
   * does; without it only the durable trail is written (tests, tools).
   */
  constructor(options: { knex: Knex; auditor?: AuditorService }) {
    this.#knex = options.knex;
    this.#auditor = options.auditor;
    this.#chain = new HashChain<AuditEvent, AuditRow>({
      knex: options.knex,
      chain: 'audit',
      table: 'audit_events',
      toRow,
      fromRow,
      payload: event => canonicalJson(event),
    });
  }

  /**
   * Appends one event, secrets removed, and reports it to the auditor
   * service: a success with its position in the trail, or a failure when
   * the append fails.
   */
  async record(event: {
    actor: string;
    action: string;
    entityRef?: string;
    details?: Record<string, unknown>;
    at?: Date;
    /** Record within this transaction, so the event commits with the change. */
    trx?: Knex.Transaction;
    /** The HTTP request that caused the event, for the auditor service. */
    request?: Request;
  }): Promise<AuditEvent> {
    const details = redactSecrets(event.details ?? {}) as Record<
      string,
      unknown
    >;
    const reported = await this.#auditor?.createEvent({
      // kebab-case, as the auditor service asks: exemption.requested -> exemption-requested
      eventId: event.action.replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase(),
      ...(event.request ? { request: event.request } : {}),
      meta: JSON.parse(
        JSON.stringify({
          actor: event.actor,
          action: event.action,
          entityRef: event.entityRef,
          ...details,
        }),
      ) as JsonObject,
    });
    try {
      const [appended] = await this.#chain.append({
        trx: event.trx,
        records: [
          {
            at: (event.at ?? new Date()).toISOString(),
            actor: event.actor,
            action: event.action,
            ...(event.entityRef ? { entityRef: event.entityRef } : {}),
            details,
          },
        ],
      });
      await reported?.success({ meta: { seq: appended.seq } });
      return appended;
    } catch (error) {
      await reported?.fail({ error: error as Error });
      throw error;
    }
  }

  async list(query: AuditEventQuery = {}): Promise<AuditEvent[]> {
    const q = this.#knex<AuditRow>('audit_events').orderBy('seq');
    if (query.actor) q.where('actor', query.actor);
    if (query.action) q.where('action', query.action);
    if (query.entityRef) q.where('entity_ref', query.entityRef);
    if (query.from) q.where('at', '>=', query.from);
    if (query.to) q.where('at', '<=', query.to);
    if (query.limit) q.limit(query.limit);
    const rows: AuditRow[] = await q;
    return rows.map(fromRow);
  }

  async verify(): Promise<ChainVerification> {
    return this.#chain.verify();
  }

  /**
   * Where the latest recorded evidence purge left the evidence chain, for
   * `EvidenceStore.verify`.
   */
  async attestedEvidenceStart(): Promise<ChainStart | undefined> {
    const row: AuditRow | undefined = await this.#knex<AuditRow>('audit_events')
      .where('action', evidencePurgedAction)
      .orderBy('seq', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    const { startSeq, startPrevHash } = fromRow(row).details;
    return typeof startSeq === 'number' && typeof startPrevHash === 'string'
      ? { seq: startSeq, prevHash: startPrevHash }
      : undefined;
  }
}

import type { Knex } from 'knex';
import {
  canonicalEvidencePayload,
  canonicalJson,
  type ControlStatus,
  type EvidenceRecord,
  type Observed,
} from '@carepath/plugin-compliance-common';
import {
  HashChain,
  type ChainStart,
  type ChainVerification,
} from './HashChain';

interface EvidenceRow {
  seq: number;
  evaluation_id: string;
  entity_ref: string;
  control_id: string;
  status: string;
  observed: string;
  controls_version: string;
  evaluated_at: string;
  prev_hash: string;
  hash: string;
}

/** What an evaluation hands the store; the store assigns seq and hashes. */
export type NewEvidenceRecord = Omit<
  EvidenceRecord,
  'seq' | 'prevHash' | 'hash'
>;

/**
 * The part of an evidence record that proves one exported result.
 *
 * @public
 */
export type EvidenceProof = Pick<
  EvidenceRecord,
  'entityRef' | 'controlId' | 'controlsVersion' | 'hash'
>;

/** HIPAA 164.316(b)(2)(i): keep documentation six years. */
export const SIX_YEARS_IN_DAYS = 2190;

const DAY_MS = 24 * 60 * 60 * 1000;

// `observed` is stored as its canonical JSON, so verification hashes the
// stored text as it is.
function toRow(
  record: Omit<EvidenceRecord, 'hash'>,
): Omit<EvidenceRow, 'hash'> {
  return {
    seq: record.seq,
    evaluation_id: record.evaluationId,
    entity_ref: record.entityRef,
    control_id: record.controlId,
    status: record.status,
    observed: canonicalJson(record.observed, 'record.observed'),
    controls_version: record.controlsVersion,
    evaluated_at: record.evaluatedAt,
    prev_hash: record.prevHash,
  };
}

function rowPayload(row: Omit<EvidenceRow, 'hash'>): string {
  return canonicalEvidencePayload(
    {
      seq: Number(row.seq),
      evaluationId: row.evaluation_id,
      entityRef: row.entity_ref,
      controlId: row.control_id,
      status: row.status as ControlStatus,
      controlsVersion: row.controls_version,
      evaluatedAt: row.evaluated_at,
      prevHash: row.prev_hash,
    },
    { observedJson: row.observed },
  );
}

function fromRow(row: EvidenceRow): EvidenceRecord {
  return {
    seq: Number(row.seq),
    evaluationId: row.evaluation_id,
    entityRef: row.entity_ref,
    controlId: row.control_id,
    status: row.status as ControlStatus,
    observed: JSON.parse(row.observed) as Observed,
    controlsVersion: row.controls_version,
    evaluatedAt: row.evaluated_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only, hash-chained evidence table. It offers no update or
 * delete; the only removal is the retention purge, which never touches a
 * record inside the retention period.
 *
 * @public
 */
export class EvidenceStore {
  readonly #knex: Knex;
  readonly #chain: HashChain<EvidenceRecord, EvidenceRow>;
  readonly #retentionDays: number;

  constructor(options: { knex: Knex; retentionDays?: number }) {
    this.#knex = options.knex;
    this.#retentionDays = options.retentionDays ?? SIX_YEARS_IN_DAYS;
    this.#chain = new HashChain<EvidenceRecord, EvidenceRow>({
      knex: options.knex,
      chain: 'evidence',
      table: 'evidence',
      toRow,
      fromRow,
      payload: record => canonicalEvidencePayload(record),
      rowPayload,
    });
  }

  /**
   * Writes one evaluation's records as one snapshot: all of them, chained on
   * the current head, in one transaction. `write` stores whatever belongs
   * with the snapshot in the same transaction.
   */
  async appendSnapshot(options: {
    records: NewEvidenceRecord[];
    write?: (
      trx: Knex.Transaction,
      appended: EvidenceRecord[],
    ) => Promise<void>;
  }): Promise<EvidenceRecord[]> {
    return this.#chain.append(options);
  }

  /** The records of one evaluation, in chain order. */
  async listByEvaluation(evaluationId: string): Promise<EvidenceRecord[]> {
    const rows: EvidenceRow[] = await this.#knex('evidence')
      .where({ evaluation_id: evaluationId })
      .orderBy('seq');
    return rows.map(fromRow);
  }

  /**
   * What an export needs to tie each result to its record: the hash and
   * controls version per entity and control, without the observed payload,
   * grouped by entity in chain order.
   */
  async proofsByEntity(
    evaluationId: string,
  ): Promise<Map<string, EvidenceProof[]>> {
    const rows: Array<{
      entity_ref: string;
      control_id: string;
      controls_version: string;
      hash: string;
    }> = await this.#knex('evidence')
      .where({ evaluation_id: evaluationId })
      .select('entity_ref', 'control_id', 'controls_version', 'hash')
      .orderBy('seq');
    const byEntity = new Map<string, EvidenceProof[]>();
    for (const row of rows) {
      let proofs = byEntity.get(row.entity_ref);
      if (!proofs) {
        proofs = [];
        byEntity.set(row.entity_ref, proofs);
      }
      proofs.push({
        entityRef: row.entity_ref,
        controlId: row.control_id,
        controlsVersion: row.controls_version,
        hash: row.hash,
      });
    }
    return byEntity;
  }

  /**
   * One evaluation's records for an export, in chain order, a page at a
   * time; `observed` is the stored canonical JSON text.
   */
  async *exportPages(options: {
    evaluationId: string;
    pageSize: number;
  }): AsyncGenerator<
    Array<
      Pick<
        EvidenceRow,
        | 'entity_ref'
        | 'control_id'
        | 'status'
        | 'observed'
        | 'controls_version'
        | 'evaluated_at'
        | 'hash'
      >
    >
  > {
    const { evaluationId, pageSize } = options;
    const range = await this.#knex('evidence')
      .where({ evaluation_id: evaluationId })
      .min({ first: 'seq' })
      .max({ last: 'seq' })
      .first();
    if (range?.first === null || range?.first === undefined) {
      return;
    }
    // A run's records are consecutive in the chain: fixed key ranges.
    for (let from = Number(range.first); from <= Number(range.last); ) {
      const to = Math.min(Number(range.last), from + pageSize - 1);
      yield await this.#knex('evidence')
        .where({ evaluation_id: evaluationId })
        .andWhere('seq', '>=', from)
        .andWhere('seq', '<=', to)
        .orderBy('seq')
        .select(
          'entity_ref',
          'control_id',
          'status',
          'observed',
          'controls_version',
          'evaluated_at',
          'hash',
        );
      from = to + 1;
    }
  }

  /** How many records one evaluation wrote. */
  async countByEvaluation(evaluationId: string): Promise<number> {
    const row = await this.#knex('evidence')
      .where({ evaluation_id: evaluationId })
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }

  /**
   * Verifies the retained chain. After a purge, pass where the recorded
   * purge says the chain starts (the audit trail's `evidence.purged`
   * event); a start that no purge attests is reported as tampering.
   */
  async verify(
    options: { attestedStart?: ChainStart } = {},
  ): Promise<ChainVerification> {
    return this.#chain.verify(options);
  }

  /**
   * Removes evidence older than the retention period, whole evaluations
   * at a time from the start of the chain.
   */
  async purgeExpired(options: {
    now: Date;
    /** Records the purge in the same transaction (e.g. in the audit trail). */
    write?: (
      trx: Knex.Transaction,
      purge: { deleted: number; start: ChainStart },
    ) => Promise<void>;
  }): Promise<{ deleted: number; start?: ChainStart }> {
    const cutoff = new Date(
      options.now.getTime() - this.#retentionDays * DAY_MS,
    ).toISOString();
    return this.#knex.transaction(async trx => {
      // The first record inside retention, by walking the chain from its
      // start: the walk covers only what the purge removes.
      const firstKept = await trx('evidence')
        .where('evaluated_at', '>=', cutoff)
        .orderBy('seq')
        .first('seq');
      const last = await trx('evidence').max({ seq: 'seq' }).first();
      if (last?.seq === null || last?.seq === undefined) {
        return { deleted: 0 };
      }
      const beforeSeq =
        firstKept?.seq !== null && firstKept?.seq !== undefined
          ? Number(firstKept.seq)
          : Number(last.seq) + 1;
      const purge = await this.#chain.purgeBefore(trx, beforeSeq);
      if (purge.deleted > 0 && options.write) {
        await options.write(trx, purge);
      }
      return purge;
    });
  }
}

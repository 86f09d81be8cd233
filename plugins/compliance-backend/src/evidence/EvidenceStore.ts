import type { Knex } from 'knex';
import {
  canonicalEvidencePayload,
  canonicalJson,
  type ControlStatus,
  type EvidenceRecord,
  type Observed,
} from '@carepath/plugin-compliance-common';
import type { PreparedWrite } from '../database/insertRows';
import {
  HashChain,
  type ChainStart,
  type ChainVerification,
} from './HashChain';

/** A record as read: its stored row with its snapshot's fields. */
interface EvidenceRow extends SnapshotFields {
  seq: number;
  entity_ref: string;
  control_id: string;
  status: string;
  observed: string;
  prev_hash: string;
  hash: string;
}

/** What every record of a snapshot shares, stored once per snapshot. */
interface SnapshotFields {
  evaluation_id: string;
  controls_version: string;
  evaluated_at: string;
}

/** A run of consecutive records sharing their snapshot fields. */
interface SnapshotRow extends SnapshotFields {
  first_seq: number;
  last_seq: number;
}

/** The columns of the `evidence` table itself. */
const RECORD_COLUMNS: Array<keyof EvidenceRow & string> = [
  'seq',
  'entity_ref',
  'control_id',
  'status',
  'observed',
  'prev_hash',
  'hash',
];

/**
 * Collects the runs of consecutive records that share their snapshot
 * fields, record by record: one run for an evaluation's snapshot.
 */
class SnapshotRuns {
  readonly runs: SnapshotRow[] = [];
  #last: SnapshotRow | undefined;

  add(record: EvidenceRecord): void {
    const last = this.#last;
    if (
      last &&
      last.last_seq === record.seq - 1 &&
      last.evaluation_id === record.evaluationId &&
      last.controls_version === record.controlsVersion &&
      last.evaluated_at === record.evaluatedAt
    ) {
      last.last_seq = record.seq;
      return;
    }
    this.#last = {
      first_seq: record.seq,
      last_seq: record.seq,
      evaluation_id: record.evaluationId,
      controls_version: record.controlsVersion,
      evaluated_at: record.evaluatedAt,
    };
    this.runs.push(this.#last);
  }
}

/**
 * Gives each stored row (in `seq` order) the fields of the snapshot it
 * falls in (snapshots in `first_seq` order). A row outside every snapshot
 * gets empty fields, so it no longer hashes to its stored hash.
 */
function withSnapshots<TRow extends { seq: number }>(
  rows: TRow[],
  snapshots: SnapshotRow[],
): Array<TRow & SnapshotFields> {
  let i = 0;
  return rows.map(row => {
    const seq = Number(row.seq);
    while (i < snapshots.length && Number(snapshots[i].last_seq) < seq) {
      i += 1;
    }
    const snapshot =
      i < snapshots.length && Number(snapshots[i].first_seq) <= seq
        ? snapshots[i]
        : undefined;
    const joined = row as TRow & SnapshotFields;
    joined.evaluation_id = snapshot?.evaluation_id ?? '';
    joined.controls_version = snapshot?.controls_version ?? '';
    joined.evaluated_at = snapshot?.evaluated_at ?? '';
    return joined;
  });
}

/** The records from `from` to `to` with their snapshot fields. */
async function readRows(
  knex: Knex,
  from: number,
  to: number,
): Promise<EvidenceRow[]> {
  const [rows, snapshots] = await Promise.all([
    knex('evidence')
      .where('seq', '>=', from)
      .andWhere('seq', '<=', to)
      .orderBy('seq') as Promise<EvidenceRow[]>,
    // The snapshot holding `from` starts at or before it; the others start
    // inside the range.
    knex('evidence_snapshots')
      .where(
        'first_seq',
        '>=',
        knex.raw(
          'coalesce((select max(first_seq) from evidence_snapshots where first_seq <= ?), ?)',
          [from, from],
        ),
      )
      .andWhere('first_seq', '<=', to)
      .orderBy('first_seq') as Promise<SnapshotRow[]>,
  ]);
  return withSnapshots(rows, snapshots);
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

/** Ranges of records read in one query by `observedInRanges`. */
const RANGES_PER_QUERY = 50;

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
      columns: RECORD_COLUMNS,
      readRows,
    });
  }

  /**
   * Writes one evaluation's records as one snapshot: all of them, chained on
   * the current head, in one transaction. `write` stores whatever belongs
   * with the snapshot in the same transaction, after the records;
   * `alongside` whatever belongs with the records taken so far, as they
   * are written.
   */
  async appendSnapshot(options: {
    /**
     * In chain order. Taken one at a time inside the transaction, so a
     * generator may produce them while earlier ones are being written.
     */
    records: Iterable<NewEvidenceRecord>;
    alongside?: () => PreparedWrite | undefined;
    /**
     * Whether to return the records appended (the default); false keeps a
     * large snapshot from being held in memory until it is committed.
     */
    keepRecords?: boolean;
    /** Sees each record once it has its place in the chain. */
    onRecord?: (record: EvidenceRecord) => void;
    write?: (trx: Knex.Transaction) => Promise<void>;
  }): Promise<EvidenceRecord[]> {
    const snapshots = new SnapshotRuns();
    return this.#chain.append({
      records: options.records,
      ...(options.alongside ? { alongside: options.alongside } : {}),
      keepRecords: options.keepRecords ?? true,
      onRecord: record => {
        snapshots.add(record);
        options.onRecord?.(record);
      },
      write: async trx => {
        if (snapshots.runs.length > 0) {
          await trx('evidence_snapshots').insert(snapshots.runs);
        }
        await options.write?.(trx);
      },
    });
  }

  /** The snapshots holding one evaluation's records, in chain order. */
  async #snapshots(evaluationId: string): Promise<SnapshotRow[]> {
    return this.#knex('evidence_snapshots')
      .where({ evaluation_id: evaluationId })
      .orderBy('first_seq');
  }

  /** The records of one evaluation, in chain order. */
  async listByEvaluation(evaluationId: string): Promise<EvidenceRecord[]> {
    const records: EvidenceRecord[] = [];
    for (const snapshot of await this.#snapshots(evaluationId)) {
      const rows: EvidenceRow[] = await this.#knex('evidence')
        .where('seq', '>=', snapshot.first_seq)
        .andWhere('seq', '<=', snapshot.last_seq)
        .orderBy('seq');
      records.push(...withSnapshots(rows, [snapshot]).map(fromRow));
    }
    return records;
  }

  /**
   * What an export needs to tie each result to its record: the hash and
   * controls version per entity and control, without the observed payload,
   * grouped by entity in chain order.
   */
  async proofsByEntity(
    evaluationId: string,
  ): Promise<Map<string, EvidenceProof[]>> {
    const byEntity = new Map<string, EvidenceProof[]>();
    for (const snapshot of await this.#snapshots(evaluationId)) {
      const rows: Array<{
        entity_ref: string;
        control_id: string;
        hash: string;
      }> = await this.#knex('evidence')
        .where('seq', '>=', snapshot.first_seq)
        .andWhere('seq', '<=', snapshot.last_seq)
        .select('entity_ref', 'control_id', 'hash')
        .orderBy('seq');
      for (const row of rows) {
        let proofs = byEntity.get(row.entity_ref);
        if (!proofs) {
          proofs = [];
          byEntity.set(row.entity_ref, proofs);
        }
        proofs.push({
          entityRef: row.entity_ref,
          controlId: row.control_id,
          controlsVersion: snapshot.controls_version,
          hash: row.hash,
        });
      }
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
    // A snapshot's records are consecutive in the chain: fixed key ranges.
    for (const snapshot of await this.#snapshots(evaluationId)) {
      const last = Number(snapshot.last_seq);
      for (let from = Number(snapshot.first_seq); from <= last; ) {
        const to = Math.min(last, from + pageSize - 1);
        const rows = await this.#knex('evidence')
          .where('seq', '>=', from)
          .andWhere('seq', '<=', to)
          .orderBy('seq')
          .select(
            'seq',
            'entity_ref',
            'control_id',
            'status',
            'observed',
            'hash',
          );
        yield withSnapshots(rows, [snapshot]);
        from = to + 1;
      }
    }
  }

  /**
   * The records with `seq` in any of the ranges, by `seq`: which result
   * each holds and what was observed for it (the stored canonical JSON).
   * Scattered ranges are read a batch of ranges per query.
   */
  async observedInRanges(
    ranges: Array<{ from: number; to: number }>,
  ): Promise<
    Map<number, { entityRef: string; controlId: string; observed: string }>
  > {
    const records = new Map<
      number,
      { entityRef: string; controlId: string; observed: string }
    >();
    for (let i = 0; i < ranges.length; i += RANGES_PER_QUERY) {
      const batch = ranges.slice(i, i + RANGES_PER_QUERY);
      const rows: Array<
        Pick<EvidenceRow, 'seq' | 'entity_ref' | 'control_id' | 'observed'>
      > = await this.#knex('evidence')
        .where(q => {
          for (const { from, to } of batch) {
            q.orWhereBetween('seq', [from, to]);
          }
        })
        .select('seq', 'entity_ref', 'control_id', 'observed');
      for (const row of rows) {
        records.set(Number(row.seq), {
          entityRef: row.entity_ref,
          controlId: row.control_id,
          observed: row.observed,
        });
      }
    }
    return records;
  }

  /** How many records one evaluation wrote. */
  async countByEvaluation(evaluationId: string): Promise<number> {
    return (await this.#snapshots(evaluationId)).reduce(
      (n, s) => n + Number(s.last_seq) - Number(s.first_seq) + 1,
      0,
    );
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
      // The first record inside retention: the first snapshot evaluated
      // inside it, walking the snapshots from the chain's start.
      const firstKept = await trx('evidence_snapshots')
        .where('evaluated_at', '>=', cutoff)
        .orderBy('first_seq')
        .first({ seq: 'first_seq' });
      const last = await trx('evidence').max({ seq: 'seq' }).first();
      if (last?.seq === null || last?.seq === undefined) {
        return { deleted: 0 };
      }
      const beforeSeq =
        firstKept?.seq !== null && firstKept?.seq !== undefined
          ? Number(firstKept.seq)
          : Number(last.seq) + 1;
      const purge = await this.#chain.purgeBefore(trx, beforeSeq);
      await trx('evidence_snapshots')
        .where('last_seq', '<', purge.start.seq)
        .delete();
      if (purge.deleted > 0 && options.write) {
        await options.write(trx, purge);
      }
      return purge;
    });
  }
}

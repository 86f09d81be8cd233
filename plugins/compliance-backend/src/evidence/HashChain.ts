import type { ChainVerification } from '@carepath/plugin-compliance-common';
import { hash as oneShotHash } from 'node:crypto';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type { Knex } from 'knex';
import { evidenceGenesisHash } from '@carepath/plugin-compliance-common';
import { prepareInsertRows, type PreparedWrite } from '../database/insertRows';
import { WritePipeline } from '../database/WritePipeline';

export type { ChainVerification };

/** Where the retained part of a chain starts after a purge. */
export interface ChainStart {
  seq: number;
  /** `prevHash` of the record at `seq`: the hash of the last purged record. */
  prevHash: string;
}

/** A chained record as stored: `seq`, `prevHash` and `hash` plus its payload. */
export interface ChainedRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The columns every chained table has. */
export interface ChainedRow {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** How one table maps to a chain. */
export interface HashChainOptions<
  TRecord extends ChainedRecord,
  TRow extends ChainedRow,
> {
  knex: Knex;
  /** Name of the chain in `chain_heads`. */
  chain: string;
  table: string;
  /** The row stored for a record; its `hash` is filled in by the chain. */
  toRow(record: Omit<TRecord, 'hash'>): Omit<TRow, 'hash'>;
  fromRow(row: TRow): TRecord;
  /** The canonical text hashed for a record (everything except `hash`). */
  payload(record: Omit<TRecord, 'hash'>): string;
  /**
   * The same text built straight from a stored row, without parsing it;
   * when it does not hash to the stored hash (a row written in another
   * but equivalent form), `payload(fromRow(row))` decides.
   */
  rowPayload?(row: Omit<TRow, 'hash'> & { hash?: string }): string;
  /**
   * The columns of `table` a row is stored in, when the table holds only
   * part of it (the rest stored once per snapshot elsewhere); by default
   * every field of the row.
   */
  columns?: Array<keyof TRow & string>;
  /**
   * Reads the rows with `seq` from `from` to `to`, in order, complete;
   * by default straight from `table`.
   */
  readRows?(knex: Knex, from: number, to: number): Promise<TRow[]>;
}

const INSERT_CHUNK = 1000;
const SQLITE_INSERT_CHUNK = 5000;
const YIELD_EVERY = 50;
const VERIFY_PAGE = 10_000;

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of a text. Node's one-shot
 * `crypto.hash` skips creating a Hash object per record.
 */
export function sha256Hex(text: string): string {
  return oneShotHash('sha256', text, 'hex');
}

/**
 * An append-only, hash-chained table. Appends lock the chain's head row
 * (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite serialises writers) so that
 * two replicas never fork the chain, and `seq` is the primary key, so a
 * duplicate position fails rather than forks even without the lock.
 */
export class HashChain<TRecord extends ChainedRecord, TRow extends ChainedRow> {
  readonly #options: HashChainOptions<TRecord, TRow>;

  constructor(options: HashChainOptions<TRecord, TRow>) {
    this.#options = options;
  }

  /**
   * Appends records in one transaction, in order. `write` runs in the same
   * transaction afterwards, so whatever it stores commits or rolls back with
   * the records.
   */
  async append(options: {
    /** Taken one at a time, as the chunks before are written. */
    records: Iterable<Omit<TRecord, 'seq' | 'prevHash' | 'hash'>>;
    /**
     * Writes that belong with the records taken so far, asked for after
     * each chunk and queued behind it in the same transaction, so the
     * database stores them while the next chunk is prepared.
     */
    alongside?: () => PreparedWrite | undefined;
    /** Sees each record once it is chained and hashed. */
    onRecord?: (record: TRecord) => void;
    /**
     * Whether to return the records appended (the default). A large
     * append that needs only `onRecord` passes false, so its records can
     * be collected as soon as they are written.
     */
    keepRecords?: boolean;
    write?: (trx: Knex.Transaction, appended: TRecord[]) => Promise<void>;
    /** An outer transaction to append within. */
    trx?: Knex.Transaction;
  }): Promise<TRecord[]> {
    const { knex, chain, table } = this.#options;
    const rowPayload =
      this.#options.rowPayload ??
      ((row: Omit<TRow, 'hash'>) => this.#recordPayload(row as TRow));
    return (options.trx ?? knex).transaction(async trx => {
      const head = await this.#lockHead(trx);
      let seq = head.head_seq;
      let prevHash = head.head_hash;
      const appended: TRecord[] = [];
      let chunk: TRow[] = [];
      // One chunk is written while the next is hashed.
      const writes = new WritePipeline();
      const keep = options.keepRecords ?? true;
      const client = trx.client as Knex.Client;
      // SQLite writes on this thread: nothing to overlap with, so fewer,
      // larger writes. A database server stores one chunk while the next
      // is hashed, and smaller chunks keep less in memory meanwhile.
      const networked = client.dialect !== 'sqlite3';
      const chunkSize = networked ? INSERT_CHUNK : SQLITE_INSERT_CHUNK;
      const flush = async () => {
        const rows = chunk;
        chunk = [];
        // Both built before waiting for the write in flight, and sent as
        // one write, so this process goes on to the next chunk while the
        // database stores them.
        const insert = prepareInsertRows({
          client,
          table,
          rows,
          columns: this.#options.columns,
        });
        const alongside = options.alongside?.();
        await writes.add(async () => {
          await insert(trx);
          await alongside?.(trx);
        });
      };
      for (const record of options.records) {
        seq += 1;
        // One object per record: signed in place once its hash is known.
        const chained = { ...record, seq, prevHash } as TRecord;
        const row = this.#options.toRow(chained) as TRow;
        prevHash = sha256Hex(rowPayload(row));
        row.hash = prevHash;
        chained.hash = prevHash;
        chunk.push(row);
        options.onRecord?.(chained);
        if (keep) {
          appended.push(chained);
        }
        if (chunk.length === chunkSize) {
          await flush();
        } else if (networked && chunk.length % YIELD_EVERY === 0) {
          // Lets the write in flight take its next protocol step (a COPY
          // sends its rows only once the server has answered it) while
          // this chunk is hashed.
          await setImmediatePromise();
        }
      }
      if (chunk.length > 0 || options.alongside) {
        await flush();
      }
      await writes.finish();
      await trx('chain_heads')
        .where({ chain })
        .update({ head_seq: seq, head_hash: prevHash });
      if (options.write) {
        await options.write(trx, appended);
      }
      return appended;
    });
  }

  /**
   * Walks the retained chain in `seq` order, recomputing every hash and
   * checking every link and that no position is missing.
   */
  async verify(
    options: { attestedStart?: ChainStart } = {},
  ): Promise<ChainVerification> {
    const { knex, chain, table } = this.#options;
    const head = await knex('chain_heads').where({ chain }).first();
    let expectedSeq: number = head ? Number(head.start_seq) : 1;
    let expectedPrev: string = head
      ? head.start_prev_hash
      : evidenceGenesisHash;
    // A chain that no longer starts at 1 must start where a recorded purge
    // left it; otherwise records were removed and the start moved to hide it.
    if (
      expectedSeq !== 1 &&
      (options.attestedStart?.seq !== expectedSeq ||
        options.attestedStart?.prevHash !== expectedPrev)
    ) {
      return {
        ok: false,
        checked: 0,
        firstBadSeq: expectedSeq - 1,
        problem: `records before ${expectedSeq} are gone, and no recorded purge ends there`,
      };
    }
    // Records appended while we walk are beyond the head we read: skip them.
    // Without a head row, walk whatever is there.
    const lastSeq: number = head
      ? Number(head.head_seq)
      : Number((await knex(table).max({ seq: 'seq' }).first())?.seq ?? 0);
    let checked = 0;
    // Pages are fixed key ranges, so the next page is fetched while this one
    // is hashed, and PostgreSQL walks the primary key even when its
    // statistics still think the table is small.
    const readRows =
      this.#options.readRows ??
      ((db: Knex, from: number, to: number): Promise<TRow[]> =>
        db(table)
          .where('seq', '>=', from)
          .andWhere('seq', '<=', to)
          .orderBy('seq'));
    const fetchPage = (from: number): Promise<TRow[]> =>
      from > lastSeq
        ? Promise.resolve([])
        : readRows(knex, from, Math.min(lastSeq, from + VERIFY_PAGE - 1));
    let pageStart = expectedSeq;
    let nextPage = fetchPage(pageStart);
    let failure: { seq: number; problem: string } | undefined;
    while (!failure && pageStart <= lastSeq) {
      const rows = await nextPage;
      pageStart += VERIFY_PAGE;
      nextPage = fetchPage(pageStart);
      for (const row of rows) {
        failure = this.#check({ row, expectedSeq, expectedPrev });
        if (failure) {
          break;
        }
        expectedPrev = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    await nextPage;
    if (!failure && expectedSeq - 1 !== lastSeq) {
      failure = {
        seq: expectedSeq,
        problem: `record ${expectedSeq} is missing (the chain's head is record ${lastSeq})`,
      };
    }
    if (!failure && head && checked > 0 && head.head_hash !== expectedPrev) {
      failure = {
        seq: expectedSeq - 1,
        problem: `record ${
          expectedSeq - 1
        } does not match the chain head's hash`,
      };
    }
    return failure
      ? {
          ok: false,
          checked,
          firstBadSeq: failure.seq,
          problem: failure.problem,
        }
      : { ok: true, checked };
  }

  /** The payload of the record a row holds, as read back (hash aside). */
  #recordPayload(row: TRow): string {
    const { hash: _hash, ...record } = this.#options.fromRow(row);
    return this.#options.payload(record);
  }

  #check(options: {
    row: TRow;
    expectedSeq: number;
    expectedPrev: string;
  }): { seq: number; problem: string } | undefined {
    const { row, expectedSeq, expectedPrev } = options;
    const seq = Number(row.seq);
    if (seq !== expectedSeq) {
      return {
        seq: expectedSeq,
        problem: `record ${expectedSeq} is missing (next present is ${seq})`,
      };
    }
    if (row.prev_hash !== expectedPrev) {
      return {
        seq,
        problem: `record ${seq} does not link to record ${seq - 1}: prevHash ${
          row.prev_hash
        }, expected ${expectedPrev}`,
      };
    }
    const hash = row.hash;
    if (
      this.#options.rowPayload &&
      sha256Hex(this.#options.rowPayload(row)) === hash
    ) {
      return undefined;
    }
    let recomputed: string;
    try {
      recomputed = sha256Hex(this.#recordPayload(row));
    } catch (error) {
      return {
        seq,
        problem: `record ${seq} was altered: its content cannot be read (${error})`,
      };
    }
    if (recomputed !== hash) {
      return {
        seq,
        problem: `record ${seq} was altered: stored hash ${hash}, content hashes to ${recomputed}`,
      };
    }
    return undefined;
  }

  /**
   * Deletes the records before `beforeSeq` and records where the retained
   * chain now starts, so verification does not report the purge.
   */
  async purgeBefore(
    trx: Knex.Transaction,
    beforeSeq: number,
  ): Promise<{ deleted: number; start: ChainStart }> {
    const { chain, table } = this.#options;
    const head = await this.#lockHead(trx);
    if (beforeSeq <= head.start_seq) {
      return {
        deleted: 0,
        start: { seq: head.start_seq, prevHash: head.start_prev_hash },
      };
    }
    const firstKept: Pick<ChainedRow, 'seq' | 'prev_hash'> | undefined =
      await trx(table)
        .where('seq', '>=', beforeSeq)
        .orderBy('seq')
        .first('seq', 'prev_hash');
    // Only the chain's own columns are read: the stored row may be partial.
    const startPrevHash: string = firstKept
      ? firstKept.prev_hash
      : head.head_hash;
    const startSeq = firstKept ? Number(firstKept.seq) : head.head_seq + 1;
    const deleted = await trx(table).where('seq', '<', startSeq).delete();
    await trx('chain_heads')
      .where({ chain })
      .update({ start_seq: startSeq, start_prev_hash: startPrevHash });
    return { deleted, start: { seq: startSeq, prevHash: startPrevHash } };
  }

  async #lockHead(trx: Knex.Transaction): Promise<{
    head_seq: number;
    head_hash: string;
    start_seq: number;
    start_prev_hash: string;
  }> {
    const { chain } = this.#options;
    const query = () => {
      const q = trx('chain_heads').where({ chain });
      return trx.client.dialect === 'postgresql'
        ? q.forUpdate().first()
        : q.first();
    };
    let head = await query();
    if (!head) {
      // Insert-if-absent so concurrent first appends agree on one head row.
      await trx('chain_heads')
        .insert({
          chain,
          head_seq: 0,
          head_hash: evidenceGenesisHash,
          start_seq: 1,
          start_prev_hash: evidenceGenesisHash,
        })
        .onConflict('chain')
        .ignore();
      head = await query();
    }
    return {
      head_seq: Number(head.head_seq),
      head_hash: head.head_hash,
      start_seq: Number(head.start_seq),
      start_prev_hash: head.start_prev_hash,
    };
  }
}

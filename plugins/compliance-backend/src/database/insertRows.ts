import type { Knex } from 'knex';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** A table or column name that may be written into a statement unquoted. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

// Text-format COPY escapes: backslash, newline, carriage return and tab.
const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIAL_ALL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One value as a field of PostgreSQL's text COPY format. */
function copyField(value: unknown, column: string): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  switch (typeof value) {
    case 'string':
      return COPY_SPECIAL.test(value)
        ? value.replace(COPY_SPECIAL_ALL, c => COPY_ESCAPES[c])
        : value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`${column}: cannot store ${value}`);
      }
      return String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      throw new TypeError(
        `${column}: cannot store a value of type ${typeof value}`,
      );
  }
}

/** A value as better-sqlite3 binds it: no booleans, no `undefined`. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  return value;
}

/**
 * The rows as PostgreSQL's text COPY format: one line per row, fields
 * separated by tabs.
 */
function copyText<TRow extends object>(
  rows: TRow[],
  columns: Array<keyof TRow & string>,
): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      text += (i > 0 ? '\t' : '') + copyField(row[columns[i]], columns[i]);
    }
    text += '\n';
  }
  return text;
}

/** Sends `text` to a `COPY ... FROM STDIN` on the transaction's connection. */
async function copyInto(
  trx: Knex.Transaction,
  statement: string,
  text: string,
): Promise<void> {
  // Inside a transaction knex hands out the transaction's own connection.
  const connection: { query(query: CopyStreamQuery): CopyStreamQuery } =
    await trx.client.acquireConnection();
  const stream = connection.query(copyFrom(statement));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(text);
  });
}

/** A write prepared ahead, to run later in a transaction. */
export type PreparedWrite = (trx: Knex.Transaction) => Promise<unknown>;

/**
 * Inserts many rows in a transaction without a statement that grows with
 * the row count (a multi-row `VALUES` insert costs a statement compile
 * proportional to its parameter count).
 *
 * - PostgreSQL: `COPY ... FROM STDIN` in text format on the transaction's
 *   connection.
 * - SQLite with better-sqlite3 (as Backstage uses it): one prepared
 *   statement run per row, on the transaction's connection.
 * - SQLite with another driver: the rows travel as one JSON parameter,
 *   unpacked by `json_each`.
 * - Other databases get a plain insert.
 *
 * `columns` picks the columns stored (the rows may carry more); by default
 * every key of the first row.
 */
export async function insertRows<TRow extends object>(options: {
  trx: Knex.Transaction;
  table: string;
  rows: TRow[];
  columns?: Array<keyof TRow & string>;
}): Promise<void> {
  const { trx, ...insert } = options;
  await prepareInsertRows({ ...insert, client: trx.client })(trx);
}

/**
 * `insertRows`, with the statement and its parameters built now and sent
 * when the returned write runs: a writer queueing writes builds the next
 * while the database is busy with the one before.
 */
export function prepareInsertRows<TRow extends object>(options: {
  /** The knex client of the database written to (`knex.client`). */
  client: Knex.Client;
  table: string;
  rows: TRow[];
  columns?: Array<keyof TRow & string>;
}): PreparedWrite {
  const { table, rows } = options;
  const dialect = options.client.dialect as string;
  const driver = options.client.driverName as string;
  if (rows.length === 0) {
    return async () => undefined;
  }
  const columns =
    options.columns ?? (Object.keys(rows[0]) as Array<keyof TRow & string>);
  if (dialect === 'postgresql' || driver === 'better-sqlite3') {
    // Both statements below name the table and columns unquoted.
    for (const name of [table, ...columns]) {
      if (!IDENTIFIER.test(name)) {
        throw new TypeError(`insertRows: ${name} is not a plain identifier`);
      }
    }
  }
  if (dialect === 'postgresql') {
    // COPY stores many rows far more cheaply than an INSERT: the server
    // writes them in batches, and nothing is parsed but the text itself.
    const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
    const text = copyText(rows, columns);
    return trx => copyInto(trx, statement, text);
  }
  if (driver === 'better-sqlite3') {
    // One prepared statement run per row on the transaction's connection:
    // SQLite works in this thread, so a row costs only its own insert.
    const sql = `insert into ${table} (${columns.join(', ')}) values (${columns
      .map(() => '?')
      .join(', ')})`;
    return async trx => {
      const database: {
        prepare(sql: string): { run(values: unknown[]): unknown };
      } = await trx.client.acquireConnection();
      const statement = database.prepare(sql);
      const values = new Array<unknown>(columns.length);
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) {
          values[i] = sqliteValue(row[columns[i]]);
        }
        statement.run(values);
      }
    };
  }
  if (dialect === 'sqlite3') {
    const values = columns.map(() => `json_extract(value, ?)`).join(', ');
    const sql = `insert into ?? (${columns
      .map(() => '??')
      .join(', ')}) select ${values} from json_each(?)`;
    const bindings = [
      table,
      ...columns,
      ...columns.map(c => `$.${c}`),
      // The replacer keeps only the stored columns.
      JSON.stringify(rows, columns),
    ];
    return trx => trx.raw(sql, bindings);
  }
  const plain = options.columns
    ? rows.map(row =>
        Object.fromEntries(columns.map(column => [column, row[column]])),
      )
    : rows;
  return trx => trx(table).insert(plain);
}

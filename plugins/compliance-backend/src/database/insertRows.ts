import type { Knex } from 'knex';

// eslint-disable-next-line no-control-regex
const JSON_ESCAPED = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * Whether JSON writes a value as an array literal element would: a null
 * (`null` is a NULL element), or a string without control characters or
 * surrogates, which JSON would escape differently.
 */
function isPlainText(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && !JSON_ESCAPED.test(value))
  );
}

/**
 * One column's values as a PostgreSQL array literal and its type: whole
 * numbers as `bigint` (assigned to `integer` columns without loss), other
 * numbers as `double precision`, booleans as `boolean`, everything else as
 * text. Built here as one string, rather than by the driver element by
 * element, since a snapshot sends a million of them.
 */
function postgresArray(
  values: unknown[],
): { literal: string; type: string } | undefined {
  let type: string | undefined;
  let plain = true;
  for (const value of values) {
    if (typeof value === 'number') {
      if (type !== 'double precision[]') {
        type = Number.isInteger(value) ? 'bigint[]' : 'double precision[]';
      }
    } else if (typeof value === 'boolean') {
      type = 'boolean[]';
    } else if (value !== null && value !== undefined) {
      plain = false;
      break;
    }
  }
  if (plain) {
    if (!type) {
      return undefined;
    }
    return {
      literal: `{${values
        .map(v => (v === null || v === undefined ? 'NULL' : String(v)))
        .join(',')}}`,
      type,
    };
  }
  if (values.every(isPlainText)) {
    // Inside its brackets, the JSON of an array of such strings is their
    // array literal: both quote each one and escape `"` and `\` alike.
    return {
      literal: `{${JSON.stringify(values).slice(1, -1)}}`,
      type: 'text[]',
    };
  }
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) {
      literal += ',';
    }
    if (value === null || value === undefined) {
      literal += 'NULL';
    } else {
      const text = typeof value === 'string' ? value : String(value);
      literal += `"${
        text.includes('"') || text.includes('\\')
          ? text.replace(/["\\]/g, '\\$&')
          : text
      }"`;
    }
  }
  return { literal: `${literal}}`, type: 'text[]' };
}

/** A write prepared ahead, to run later in a transaction. */
export type PreparedWrite = (trx: Knex.Transaction) => Promise<unknown>;

/**
 * Inserts many rows with one small statement, so the statement does not
 * grow with the row count. A multi-row `VALUES` insert costs a statement
 * compile proportional to its parameter count, which dominated writing a
 * large evidence snapshot.
 *
 * - PostgreSQL: one array parameter per column, zipped by `unnest`; the
 *   server parses arrays of plain values, which is cheaper than unpacking
 *   one JSON document per row (`json_populate_recordset`).
 * - SQLite: the rows travel as one JSON parameter, unpacked by `json_each`.
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
  await prepareInsertRows({
    ...insert,
    dialect: trx.client.dialect as string,
  })(trx);
}

/**
 * `insertRows`, with the statement and its parameters built now and sent
 * when the returned write runs: a writer queueing writes builds the next
 * while the database is busy with the one before.
 */
export function prepareInsertRows<TRow extends object>(options: {
  /** `knex.client.dialect` of the database written to. */
  dialect: string;
  table: string;
  rows: TRow[];
  columns?: Array<keyof TRow & string>;
}): PreparedWrite {
  const { dialect, table, rows } = options;
  if (rows.length === 0) {
    return async () => undefined;
  }
  const columns =
    options.columns ?? (Object.keys(rows[0]) as Array<keyof TRow & string>);
  if (dialect === 'postgresql') {
    // A column that is null in every row is left to its default (null in
    // every table here): an array of nothing but nulls has no type.
    const arrays = columns.flatMap(column => {
      const array = postgresArray(rows.map(row => row[column]));
      return array ? [{ column, ...array }] : [];
    });
    const sql = `insert into ?? (${arrays
      .map(() => '??')
      .join(', ')}) select * from unnest(${arrays
      .map(a => `?::${a.type}`)
      .join(', ')})`;
    const bindings = [
      table,
      ...arrays.map(a => a.column),
      ...arrays.map(a => a.literal),
    ];
    return trx => trx.raw(sql, bindings);
  }
  if (dialect === 'sqlite3' || dialect === 'better-sqlite3') {
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

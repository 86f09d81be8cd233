import type { Knex } from 'knex';

/**
 * Inserts many rows with one small statement: the rows travel as one JSON
 * parameter and the database unpacks them (`json_each` on SQLite,
 * `json_populate_recordset` on PostgreSQL). A multi-row `VALUES` insert
 * costs a statement compile proportional to its parameter count, which
 * dominated writing a large evidence snapshot. Other databases get a plain
 * insert.
 */
export async function insertRows(options: {
  trx: Knex.Transaction;
  table: string;
  rows: object[];
}): Promise<void> {
  const { trx, table, rows } = options;
  if (rows.length === 0) {
    return;
  }
  const columns = Object.keys(rows[0]);
  const dialect = trx.client.dialect as string;
  const json = JSON.stringify(rows);
  if (dialect === 'sqlite3' || dialect === 'better-sqlite3') {
    const values = columns.map(() => `json_extract(value, ?)`).join(', ');
    await trx.raw(
      `insert into ?? (${columns
        .map(() => '??')
        .join(', ')}) select ${values} from json_each(?)`,
      [table, ...columns, ...columns.map(c => `$.${c}`), json],
    );
    return;
  }
  if (dialect === 'postgresql') {
    await trx.raw(
      `insert into ?? (${columns.map(() => '??').join(', ')}) select ${columns
        .map(() => '??')
        .join(', ')} from json_populate_recordset(null::??, ?::json)`,
      [table, ...columns, ...columns, table, json],
    );
    return;
  }
  await trx(table).insert(rows);
}

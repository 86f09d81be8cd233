// A spreadsheet treats a cell starting with one of these as a formula
// (OWASP "CSV injection"); tab and carriage return start one in some too.
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a text a spreadsheet would run as a formula gets a leading
 * apostrophe, and a field holding a comma, quote or line break is quoted
 * with its quotes doubled (RFC 4180).
 *
 * @public
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.has(text.charAt(0))) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    line += i === 0 ? csvField(values[i]) : `,${csvField(values[i])}`;
  }
  return `${line}\r\n`;
}

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break (quotes doubled), and no cell a spreadsheet
 * would evaluate as a formula.
 *
 * @public
 */
export function toCsv<TRow extends object>(options: {
  columns: Array<keyof TRow & string>;
  rows: TRow[];
}): string {
  const { columns, rows } = options;
  let text = csvLine(columns);
  for (const row of rows) {
    text += csvLine(columns.map(column => row[column]));
  }
  return text;
}

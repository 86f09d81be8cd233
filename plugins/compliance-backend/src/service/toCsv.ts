function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV: a header row, CRLF line ends, and fields quoted when they
 * hold a comma, quote or line break (quotes doubled).
 *
 * @public
 */
export function toCsv<TRow extends object>(options: {
  columns: Array<keyof TRow & string>;
  rows: TRow[];
}): string {
  const { columns, rows } = options;
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map(column => {
          const value: unknown = row[column];
          return quote(
            value === null || value === undefined ? '' : String(value),
          );
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text a
 * spreadsheet would read as a formula gets a leading apostrophe, so an article title or a searched phrase such
 * as `=HYPERLINK(…)` opens as text; numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as a CSV file: CRLF line ends, and a byte-order mark so that spreadsheet apps read Arabic and Hebrew as
 * UTF-8.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

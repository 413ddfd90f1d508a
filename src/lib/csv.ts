/**
 * CSV for spreadsheets, safely: RFC 4180 quoting, and every cell that a spreadsheet would run as
 * a formula is prefixed with `'` so it stays text (OWASP "CSV injection"). A formula starts with
 * `=`, `+`, `-`, `@`, tab, CR, LF or NUL, or their full-width forms `＝＋－＠` (which spreadsheets
 * in East Asian locales accept), also after leading spaces or quotes (`  =1+1`, `"=1+1`), which
 * some spreadsheets skip. Numbers and dates are written as text too, so a value like `-1` from
 * data is kept exact and inert.
 */

const FORMULA_START = /^[\s"'\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n\0]/;

/** One cell: neutralized, then quoted when it holds a separator, quote or line break. */
export function csvCell(value: unknown): string {
  let text = value == null ? '' : typeof value === 'string' ? value : Array.isArray(value) ? value.join('; ') : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;\t]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line (CRLF-terminated, as RFC 4180 says). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document: a header row, then rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  let out = csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}

/** A cell of an exported table: text, a number written at full precision, or null (an empty cell = missing). */
export type Cell = string | number | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Byte order mark: Excel reads the file as UTF-8 only with it; R needs fileEncoding = "UTF-8-BOM", pandas "utf-8-sig". */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark, CRLF line ends, comma separated. Numbers are written with
 * JavaScript's shortest round-trip form (String(x)), so a reader gets back exactly the double the report used: no
 * rounding, so ties and the Wilcoxon V are the same when recomputed.
 */
export function toCsv(table: Table): string {
  return UTF8_BOM + [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Spreadsheet programs execute cells starting with = + - @ (or a tab/CR): prefix such text so it stays text. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = safeText(value);
  // RFC 4180 quoting of every delimiter a spreadsheet may split on (`;` in Spanish locales, tab), quotes and line breaks.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

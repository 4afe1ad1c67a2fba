import type { Cell } from '../reports/exports/export-csv.js';

export const MY_DATA_CSV_COLUMNS = ['record', 'field', 'value'];

/**
 * The whole of "Mis datos" as a three-column table, one row per value, so it opens in any spreadsheet and loses
 * nothing: `record` is the path to what the value belongs to ("profile", "enrolments.1.attempts.3"; lists count from
 * 1), `field` its name (or position in a list), `value` the value. An empty list is one row with an empty value.
 */
export function csvRowsOf(data: object): Cell[][] {
  const rows: Cell[][] = [];
  const walk = (value: unknown, record: string, field: string): void => {
    if (value === null || typeof value !== 'object') {
      rows.push([record, field, value === null || value === undefined ? null : typeof value === 'number' ? value : String(value)]);
      return;
    }
    const entries = Array.isArray(value) ? value.map((inner, i) => [String(i + 1), inner] as const) : Object.entries(value);
    const path = [record, field].filter(Boolean).join('.');
    if (entries.length === 0) rows.push([record, field, null]);
    for (const [key, inner] of entries) walk(inner, path, key);
  };
  for (const [key, value] of Object.entries(data)) walk(value, '', key);
  return rows;
}

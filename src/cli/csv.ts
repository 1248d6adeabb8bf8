import { CSV_BOM, csvField, type CsvValue } from '../codec/csv.js';

/**
 * Objects and NDJSON as CSV (codec/csv.ts: RFC 4180, UTF-8 with a byte order
 * mark, CRLF). Column names are the JSON keys in snake_case, like the
 * bulletin's CSV (api.md).
 */

export const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Objects as a CSV document (with its BOM), one row each, the columns given (in their order). */
export function csvOf(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  let out = CSV_BOM + columns.map(snakeCase).join(',') + '\r\n';
  for (const r of rows) out += columns.map((c) => csvField(r[c] as CsvValue)).join(',') + '\r\n';
  return out;
}

/** NDJSON text (a run folder's file) as CSV: the columns are the keys of its first line, in order. */
export function csvOfNdjson(text: string, columns?: readonly string[]): string {
  const rows = text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return csvOf(columns ?? Object.keys(rows[0] ?? {}), rows);
}

/**
 * CSV for spreadsheet programs (RFC 4180): fields with a comma, quote or line
 * break are quoted, quotes doubled, lines end with CRLF, and the text starts
 * with a UTF-8 byte order mark so Excel and LibreOffice read Cyrillic as is.
 */
export const CSV_BOM = '\ufeff';

/** A field's value: a list is joined with `;`, null is empty. */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A whole CSV text: the header, then the rows; with the byte order mark. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

import { KezekError } from '../errors.js';

/**
 * PostgreSQL COPY text format, built in memory: the fastest way to write
 * many rows on both PostgreSQL (COPY FROM STDIN) and PGlite (COPY FROM
 * '/dev/blob'). Pure functions, tested without a database.
 */
export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Escapes one field for the COPY text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new KezekError('INVARIANT_BROKEN', `cannot COPY the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : arrayLiteral(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text[] literal: every element quoted, `"` and `\` escaped inside. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Rows as COPY text: fields separated by tabs, one row per line. */
export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? '\t' : '') + copyField(row[i]);
    out += '\n';
  }
  return out;
}

/**
 * COPY text written straight into UTF-8 bytes, for large batches: no long
 * strings joined, encoded and copied again on the way to the database, and
 * the bytes can be transferred to another thread. Append whole rows.
 */
export class CopyBytes {
  private buf: Buffer;
  private at = 0;

  constructor(initialBytes = 1 << 16) {
    // Never from Buffer's shared pool: the backing memory may be transferred.
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Appends text already in COPY form (fields escaped, tabs, the newline). */
  push(text: string): void {
    const worst = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.at + worst > this.buf.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + worst));
      this.buf.copy(grown, 0, 0, this.at);
      this.buf = grown;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** Appends bytes already in COPY form (UTF-8, escaped). */
  pushBytes(bytes: Uint8Array): void {
    if (this.at + bytes.length > this.buf.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + bytes.length));
      this.buf.copy(grown, 0, 0, this.at);
      this.buf = grown;
    }
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  /**
   * Appends one field given as UTF-8 bytes, escaped as copyField would: the bytes as they are
   * when none needs it (no string made and encoded again), else the text escaped.
   */
  pushField(bytes: Uint8Array, text: string): void {
    if (bytes.indexOf(0x5c) === -1 && bytes.indexOf(0x09) === -1 && bytes.indexOf(0x0d) === -1 && bytes.indexOf(0x0a) === -1) this.pushBytes(bytes);
    else this.push(copyField(text));
  }

  get length(): number {
    return this.at;
  }

  /** Empties it for the next rows, keeping its memory (no new buffer a batch for the garbage collector). */
  clear(): void {
    this.at = 0;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }
}

/**
 * A long COPY text in pieces of about `size` (UTF-16 units or bytes) for a stream. A string is
 * never cut inside a surrogate pair: each piece is encoded to UTF-8 on its own, and half a
 * pair would become U+FFFD. Bytes are cut anywhere (they go to the server as they are).
 */
export function* copyChunks(text: string | Uint8Array, size = 1 << 20): Generator<string | Uint8Array> {
  if (typeof text !== 'string') {
    for (let i = 0; i < text.length; i += size) yield text.subarray(i, i + size);
    return;
  }
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > i && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}

const UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };

/** One field of COPY text output, unescaped (`\N`, the null, is handled by the caller). */
export function unescapeCopyField(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return UNESCAPES[e] ?? e;
  });
}

/**
 * Calls `row` for each line of COPY text output with its fields unescaped
 * (null for `\N`). The fields array is reused from row to row: copy what you keep.
 */
export function forEachCopyRow(text: string, width: number, row: (fields: (string | null)[]) => void): void {
  const fields: (string | null)[] = new Array<string | null>(width).fill(null);
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let f = 0;
    let start = at;
    for (;;) {
      let tab = text.indexOf('\t', start);
      if (tab < 0 || tab > end) tab = end;
      if (f >= width) throw new KezekError('INVARIANT_BROKEN', `COPY row with more than ${width} fields: ${text.slice(at, Math.min(end, at + 80))}`);
      const raw = text.slice(start, tab);
      fields[f++] = raw === '\\N' ? null : unescapeCopyField(raw);
      if (tab === end) break;
      start = tab + 1;
    }
    if (f !== width) throw new KezekError('INVARIANT_BROKEN', `COPY row with ${f} fields instead of ${width}: ${text.slice(at, Math.min(end, at + 80))}`);
    row(fields);
    at = end + 1;
  }
}

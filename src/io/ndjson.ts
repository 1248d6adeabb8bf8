import { open } from 'node:fs/promises';
import { lineProblem, plainlyFit, type LineProblem } from '../intake/line-guard.js';

export type NdjsonLine =
  | {
      line: number;
      text: string;
      value: unknown;
      /** The line's UTF-8 bytes, exactly `text` (no BOM, no CR): valid until the next line is asked for. */
      bytes: Uint8Array;
    }
  | { line: number; text: string; problem: 'invalid_json' | 'invalid_utf8' | 'line_too_long' | LineProblem['reason']; field?: string; message: string };

const NEWLINE = 0x0a;
/** Bytes a read: the file is read into one buffer of this size, kept for the whole file. */
const READ_BYTES = 1 << 20;

/**
 * Reads an NDJSON file line by line with line numbers, never holding more
 * than one line: invalid UTF-8, lines over `maxLineBytes` and bad JSON come
 * back as problems for that line, and reading goes on. Blank lines are skipped.
 */
export async function* readNdjson(path: string, maxLineBytes = 1 << 20): AsyncGenerator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let lineNo = 0;

  const finish = (): NdjsonLine | null => {
    lineNo++;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const wasTooLong = tooLong;
    parts = [];
    size = 0;
    tooLong = false;
    if (wasTooLong)
      return { line: lineNo, text: '', problem: 'line_too_long', message: `line is longer than ${maxLineBytes} bytes` };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { line: lineNo, text: '', problem: 'invalid_utf8', message: 'line is not valid UTF-8' };
    }
    // The decoder drops a byte order mark that starts the bytes it is given (any line's).
    let from = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let to = bytes.length;
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      from += 3;
    }
    if (text.endsWith('\r')) {
      text = text.slice(0, -1);
      to--;
    }
    // Not blank: the first character alone tells for nearly every line (no trimmed copy made).
    const first = text.charCodeAt(0);
    if (!(first > 32 && first < 127) && text.trim() === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { line: lineNo, text, problem: 'invalid_json', message: `not valid JSON: ${(e as Error).message}` };
    }
    const problem = plainlyFit(value, text) ? null : lineProblem(value);
    // The text of a line with a lone surrogate is kept escaped, as it came (it is valid JSON).
    return problem ? { line: lineNo, text, problem: problem.reason, ...(problem.field ? { field: problem.field } : {}), message: problem.message } : { line: lineNo, text, value, bytes: from === 0 && to === bytes.length ? bytes : bytes.subarray(from, to) };
  };

  // One buffer read into again and again: a stream's new 64 KB chunk every read was garbage
  // the collector let pile up beside a long import (see READ_BYTES).
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(NEWLINE, start);
        const end = nl === -1 ? chunk.length : nl;
        if (!tooLong) {
          if (size + (end - start) > maxLineBytes) {
            tooLong = true;
            parts = [];
            size = 0;
          } else if (end > start) {
            // The start of a line that goes on in the next read is copied: the buffer is read into again.
            parts.push(nl === -1 ? Buffer.from(chunk.subarray(start, end)) : chunk.subarray(start, end));
            size += end - start;
          }
        }
        if (nl === -1) break;
        const out = finish();
        if (out) yield out;
        start = nl + 1;
      }
    }
  } finally {
    await handle.close();
  }
  if (size > 0 || tooLong) {
    const out = finish();
    if (out) yield out;
  }
}

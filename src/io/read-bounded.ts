import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { describeFsError } from './atomic-file.js';

/**
 * A file's text, refused when it is larger than `maxBytes` (or not UTF-8):
 * at most maxBytes + 1 bytes are ever read, so a device or a huge file
 * (`/dev/zero`) cannot exhaust memory.
 */
export function readTextBounded(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(`cannot read: ${describeFsError(e)}`, { file: path });
  }
  try {
    const buf = Buffer.alloc(maxBytes + 1);
    let size = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, size, buf.length - size, null);
      } catch (e) {
        throw new InputError(`cannot read: ${describeFsError(e)}`, { file: path });
      }
      if (n === 0) break;
      size += n;
      if (size > maxBytes) throw new InputError(`larger than ${Math.round(maxBytes / 1024)} KiB: one application is much smaller`, { file: path });
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, size));
    } catch {
      throw new InputError('not valid UTF-8', { file: path });
    }
  } finally {
    closeSync(fd);
  }
}

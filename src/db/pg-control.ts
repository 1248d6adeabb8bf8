/**
 * A PostgreSQL data folder's `global/pg_control` read as bytes, to tell a
 * damaged folder from other reasons PGlite may not start. Pure.
 *
 * The file is always 8192 bytes; its ControlFileData ends with a CRC-32C of
 * the bytes before it. Where that CRC sits depends on the PostgreSQL
 * version, so the check looks for any 4-byte-aligned offset whose stored
 * value is the CRC of everything before it: a real file always has one, a
 * zeroed or scribbled one practically never.
 */

/** PG_CONTROL_FILE_SIZE: the file is padded to this size so it is written in one sector-sized piece. */
export const PG_CONTROL_FILE_SIZE = 8192;

/** The struct is a few hundred bytes in every version; look no further than this for its CRC. */
const MAX_STRUCT_BYTES = 1024;

/** What is wrong with the file, in words for a person, or undefined when it looks whole. */
export function pgControlProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'is empty';
  if (bytes.length !== PG_CONTROL_FILE_SIZE) return `is ${bytes.length} bytes instead of ${PG_CONTROL_FILE_SIZE} (truncated or overwritten)`;
  if (bytes.every((b) => b === 0)) return 'is all zeros';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let crc = 0xffffffff;
  for (let offset = 0; offset + 4 <= MAX_STRUCT_BYTES; offset += 4) {
    if (offset >= 16 && (crc ^ 0xffffffff) >>> 0 === view.getUint32(offset, true)) return undefined;
    crc = crc32cUpdate(crc, bytes, offset, offset + 4);
  }
  return 'fails its checksum';
}

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32C (Castagnoli), the CRC PostgreSQL uses; start with 0xffffffff and xor the result with it. */
export function crc32cUpdate(crc: number, bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = crc;
  for (let i = from; i < to; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

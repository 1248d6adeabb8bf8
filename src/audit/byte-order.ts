/**
 * Byte order of two strings' UTF-8 encodings (the spec's order of ids),
 * written for the audit on its own: the allocator has its own
 * (domain/ids.ts), and the audit shares no ordering with it.
 *
 * Without encoding: the first UTF-16 unit where the two differ decides, and
 * below U+D800 UTF-8 keeps the order of code points; a string that is the
 * start of the other comes first. Anything else at that unit (a surrogate, or
 * U+E000 and above) is rare in ids and is left to Buffer.compare, which also
 * settles unpaired surrogates the way encoding them does (as U+FFFD).
 */
export function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // Neither is a low surrogate, so a high surrogate just before is unpaired in both and encodes alike.
  if (x < 0xd800 && y < 0xd800) return x - y;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

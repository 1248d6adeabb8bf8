import type { IssuedReferral, QueueEntry, Refusal } from '../domain/outcomes.js';
import { CopyBytes } from './copy.js';

/**
 * The run folder of formats.md. Lines are built with a fixed key order so the
 * same run always gives the same bytes.
 */
// Lines are built as templates, every string through JSON.stringify: the same
// bytes as JSON.stringify of the object with these keys in this order, at a
// fraction of the cost (1.8 million queue lines a night at national scale).
// A string with nothing to escape (no quote, backslash, control character or surrogate) is
// only quoted; anything else goes through JSON.stringify itself.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const str = (v: string | readonly string[]): string => (typeof v === 'string' && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v));

export function referralLine(r: IssuedReferral): string {
  return `{"referral":${str(r.referral)},"application":${str(r.application)},"district":${str(r.district)},"birthYear":${r.birthYear},"kindergarten":${str(r.kindergarten)},"group":${str(r.group)},"category":${str(r.category)},"rights":${str(r.rights)},"preferenceRank":${r.preferenceRank},"issuedOn":${str(r.issuedOn)},"confirmBy":${str(r.confirmBy)}}`;
}

export function queueLine(q: QueueEntry): string {
  return `{"application":${str(q.application)},"district":${str(q.district)},"birthYear":${q.birthYear},"category":${str(q.category)},"queueNumber":${q.queueNumber}}`;
}

export function refusalLine(r: Refusal): string {
  return `{"application":${str(r.application)},"district":${str(r.district)},"reasons":${str(r.reasons)}}`;
}

/** Items as NDJSON text, one line each. */
export function lines<T>(items: readonly T[], line: (x: T) => string): string {
  let out = '';
  for (const x of items) out += line(x) + '\n';
  return out;
}

/**
 * Items as NDJSON, one line each, straight into UTF-8 bytes: what the run folder's
 * files take, and what a worker thread can hand over by moving it, where a string
 * would be copied twice on the way (serialised, then read again).
 */
export function lineBytes<T>(items: readonly T[], line: (x: T) => string): Uint8Array {
  const out = new CopyBytes(items.length * 128 + 64);
  for (const x of items) out.push(line(x) + '\n');
  return out.bytes();
}


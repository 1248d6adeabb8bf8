import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { AtomicFile, describeFsError, writeFileAtomic } from '../io/atomic-file.js';
import type { QueueEntry, Refusal } from '../allocation/allocate.js';
import type { ReferralRow } from '../run/referrals.js';
import { CopyBytes } from '../db/copy.js';

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

export function referralLine(r: ReferralRow): string {
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

/**
 * Appends districts' outputs (NDJSON bytes) in the order they are given; the
 * caller keeps district order. Made before a run takes its lock, so a folder
 * that cannot be written stops the run before anything is stored: each file
 * is written under a temporary name (never through a symlink) and renamed into
 * place by `close`; `discard` leaves the folder as it was.
 */
export class RunFolderWriter {
  private readonly files: { referrals: AtomicFile; queue: AtomicFile; refusals: AtomicFile };

  /** Throws a UsageError naming the folder and the reason when it cannot be written. */
  constructor(readonly dir: string) {
    try {
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        // A recursive mkdir reports ENOENT for a parent it could not make; the parent's own error says why.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(dirname(dir))) mkdirSync(dir);
        throw e;
      }
    } catch (e) {
      throw new UsageError(`cannot write the run folder ${dir}: ${describeFsError(e)}`);
    }
    const made: AtomicFile[] = [];
    const file = (name: string): AtomicFile => {
      try {
        const f = new AtomicFile(join(dir, name));
        made.push(f);
        return f;
      } catch (e) {
        for (const f of made) f.discard();
        throw new UsageError(`cannot write the run folder ${dir}: ${describeFsError(e)}`);
      }
    };
    this.files = { referrals: file('referrals.ndjson'), queue: file('queue.ndjson'), refusals: file('refusals.ndjson') };
  }

  add(referrals: Uint8Array, queue: Uint8Array, refusals: Uint8Array): void {
    this.files.referrals.write(referrals);
    this.files.queue.write(queue);
    this.files.refusals.write(refusals);
  }

  /** The summary last: a folder with summary.json is complete. */
  close(summary: unknown): void {
    for (const f of Object.values(this.files)) f.commit();
    writeFileAtomic(join(this.dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  }

  discard(): void {
    for (const f of Object.values(this.files)) f.discard();
  }
}

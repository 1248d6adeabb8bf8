import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { AtomicFile, describeFsError, writeFileAtomic } from './atomic-file.js';

/** The NDJSON files of a run folder (formats.md, plus lapses.ndjson), each `<name>.ndjson`. */
export const RUN_FILES = ['referrals', 'queue', 'refusals', 'lapses'] as const;
export type RunFile = (typeof RUN_FILES)[number];

/**
 * Appends districts' outputs (NDJSON bytes) in the order they are given; the
 * caller keeps district order. Made before a run takes its lock, so a folder
 * that cannot be written stops the run before anything is stored: each file
 * is written under a temporary name (never through a symlink) and renamed into
 * place by `close`; `discard` leaves the folder as it was.
 */
export class RunFolderWriter {
  private readonly files: { referrals: AtomicFile; queue: AtomicFile; refusals: AtomicFile; lapses: AtomicFile };

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
    this.files = { referrals: file('referrals.ndjson'), queue: file('queue.ndjson'), refusals: file('refusals.ndjson'), lapses: file('lapses.ndjson') };
  }

  add(referrals: Uint8Array, queue: Uint8Array, refusals: Uint8Array, lapses: Uint8Array): void {
    this.files.referrals.write(referrals);
    this.files.queue.write(queue);
    this.files.refusals.write(refusals);
    this.files.lapses.write(lapses);
  }

  /**
   * audit.json, then the extra files (the reports, by file name), then
   * summary.json last: a folder with summary.json is complete.
   */
  close(summary: unknown, audit: unknown, extra: Readonly<Record<string, string>> = {}): void {
    for (const f of Object.values(this.files)) f.commit();
    writeFileAtomic(join(this.dir, 'audit.json'), JSON.stringify(audit, null, 2) + '\n');
    for (const [name, text] of Object.entries(extra)) writeFileAtomic(join(this.dir, name), text);
    writeFileAtomic(join(this.dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  }

  discard(): void {
    for (const f of Object.values(this.files)) f.discard();
  }
}

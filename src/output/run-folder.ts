import { mkdirSync, openSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueEntry, Refusal } from '../allocation/allocate.js';
import type { ReferralRow } from '../run/referrals.js';

/**
 * The run folder of formats.md. Lines are built with a fixed key order so the
 * same run always gives the same bytes.
 */
export function referralLine(r: ReferralRow): string {
  return JSON.stringify({
    referral: r.referral,
    application: r.application,
    district: r.district,
    birthYear: r.birthYear,
    kindergarten: r.kindergarten,
    group: r.group,
    category: r.category,
    rights: r.rights,
    preferenceRank: r.preferenceRank,
    issuedOn: r.issuedOn,
    confirmBy: r.confirmBy,
  });
}

export function queueLine(q: QueueEntry): string {
  return JSON.stringify({
    application: q.application,
    district: q.district,
    birthYear: q.birthYear,
    category: q.category,
    queueNumber: q.queueNumber,
  });
}

export function refusalLine(r: Refusal): string {
  return JSON.stringify({ application: r.application, district: r.district, reasons: r.reasons });
}

/** Appends districts' outputs (NDJSON text) in the order they are given; the caller keeps district order. */
export class RunFolderWriter {
  private readonly fds: { referrals: number; queue: number; refusals: number };

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.fds = {
      referrals: openSync(join(dir, 'referrals.ndjson'), 'w'),
      queue: openSync(join(dir, 'queue.ndjson'), 'w'),
      refusals: openSync(join(dir, 'refusals.ndjson'), 'w'),
    };
  }

  addText(referrals: string, queue: string, refusals: string): void {
    if (referrals) writeSync(this.fds.referrals, referrals);
    if (queue) writeSync(this.fds.queue, queue);
    if (refusals) writeSync(this.fds.refusals, refusals);
  }

  close(summary: unknown): void {
    for (const fd of Object.values(this.fds)) closeSync(fd);
    writeFileSync(join(this.dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  }
}

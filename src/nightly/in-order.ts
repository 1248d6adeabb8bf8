import { KezekError } from '../errors.js';
import { describeFsError } from '../io/atomic-file.js';
import type { RunFolderWriter } from '../io/run-folder.js';
import type { DistrictDone } from './district.js';

/** How many referrals a night gave per kindergarten (the run report's places given). */
export interface KindergartenReferrals {
  district: string;
  kindergarten: string;
  referrals: number;
}

/** Referrals per kindergarten in a district's referrals.ndjson bytes, in the order first met. */
export function referralsByKindergarten(bytes: Uint8Array): KindergartenReferrals[] {
  const out = new Map<string, KindergartenReferrals>();
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { district: string; kindergarten: string };
    const key = `${r.district}\u0000${r.kindergarten}`;
    const k = out.get(key);
    if (k) k.referrals++;
    else out.set(key, { district: r.district, kindergarten: r.kindergarten, referrals: 1 });
  }
  return [...out.values()];
}

/** What a district's lines are replaced with once they are in the run folder. */
const WRITTEN = new Uint8Array(0);

/**
 * Districts finish in any order; the run folder takes them in district order,
 * so it is byte-identical for any number of workers. A finished district
 * waits here until every district before it is written.
 */
export class InOrderFolder {
  private readonly results: (DistrictDone | undefined)[];
  private flushed = 0;
  /** Referrals per kindergarten of the districts written so far, when asked for. */
  readonly kindergartens: KindergartenReferrals[] = [];

  constructor(
    private readonly writer: RunFolderWriter,
    readonly total: number,
    private readonly tally = false,
  ) {
    this.results = new Array<DistrictDone | undefined>(total);
  }

  add(index: number, done: DistrictDone): void {
    this.results[index] = done;
    while (this.flushed < this.total && this.results[this.flushed]) {
      const f = this.results[this.flushed]!;
      try {
        this.writer.add(f.referrals, f.queue, f.refusals, f.lapses);
      } catch (e) {
        throw new KezekError('RUN_FAILED', `cannot write the run folder ${this.writer.dir}: ${describeFsError(e)}`, {}, { cause: e });
      }
      if (this.tally) {
        // Counted by the compute step; parsed from the lines only for a district stored before that was kept.
        const counted = f.fullNumbers?.referralsByKindergarten;
        const district = f.summary.district;
        this.kindergartens.push(...(counted ? counted.map((k) => ({ district, ...k })) : referralsByKindergarten(f.referrals)));
      }
      this.results[this.flushed] = { ...f, referrals: WRITTEN, queue: WRITTEN, refusals: WRITTEN, lapses: WRITTEN };
      this.flushed++;
    }
  }

  /** Every district, in order, once all are in. */
  all(): DistrictDone[] {
    return this.results.map((r, i) => {
      if (!r) throw new KezekError('INVARIANT_BROKEN', `district ${i + 1} of ${this.total} has no result`);
      return r;
    });
  }
}

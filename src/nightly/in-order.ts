import { KezekError } from '../errors.js';
import { describeFsError } from '../io/atomic-file.js';
import type { RunFolderWriter } from '../io/run-folder.js';
import type { DistrictDone } from './district.js';

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

  constructor(
    private readonly writer: RunFolderWriter,
    readonly total: number,
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

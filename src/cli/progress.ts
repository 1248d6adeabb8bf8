import type { Logger } from '../log.js';
import type { Progress } from '../nightly/run.js';

/**
 * Progress people can see: a bar redrawn in place on a terminal (districts
 * done, applications per second, time left), plain log lines otherwise.
 */
export function progressReporter(stream: NodeJS.WriteStream, log: Logger): { update(p: Progress): void; end(): void } {
  if (!stream.isTTY) {
    let lastLog = 0;
    return {
      update(p) {
        if (p.elapsedMs - lastLog < 5000 && p.districtsDone !== p.districtsTotal) return;
        lastLog = p.elapsedMs;
        log.info({ districtsDone: p.districtsDone, districtsTotal: p.districtsTotal, applicationsPerSecond: Math.round(rate(p)) }, 'progress');
      },
      end() {},
    };
  }
  let drawn = false;
  return {
    update(p) {
      stream.write(`\r${progressLine(p, stream.columns ?? 80)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}

const rate = (p: Progress): number => (p.elapsedMs > 0 ? (p.applications * 1000) / p.elapsedMs : 0);

/** One line: `[#####-----] 12/200 districts  48,000 applications/s  about 9 s left`. */
export function progressLine(p: Progress, columns: number): string {
  const width = Math.max(10, Math.min(30, columns - 60));
  const filled = Math.round((p.districtsDone / Math.max(1, p.districtsTotal)) * width);
  const left = p.districtsDone > 0 ? ((p.districtsTotal - p.districtsDone) * p.elapsedMs) / p.districtsDone / 1000 : NaN;
  const eta = Number.isFinite(left) ? `about ${left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.districtsDone}/${p.districtsTotal} districts  ${Math.round(rate(p)).toLocaleString('en-US')} applications/s  ${eta}`.trimEnd();
}

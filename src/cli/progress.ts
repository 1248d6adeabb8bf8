import cliProgress from 'cli-progress';
import type { Logger } from '../log.js';
import type { Progress } from '../nightly/run.js';

export interface ProgressReporter {
  update(p: Progress): void;
  end(): void;
}

/**
 * Progress people can see: on a terminal, a bar on stderr redrawn in place by
 * cli-progress (districts done, applications per second, time left), the
 * line cleared when the run ends; elsewhere (cron, a pipe, a file) no bar,
 * only a log line every few seconds.
 */
export function progressReporter(stream: NodeJS.WriteStream, log: Logger): ProgressReporter {
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
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} districts  {rate} applications/s  {left}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = { rate: Math.round(rate(p)).toLocaleString('en-US'), left: timeLeft(p) };
      if (!started) {
        bar.start(p.districtsTotal, p.districtsDone, payload);
        started = true;
      } else bar.update(p.districtsDone, payload);
    },
    end() {
      if (started) bar.stop();
    },
  };
}

const rate = (p: Progress): number => (p.elapsedMs > 0 ? (p.applications * 1000) / p.elapsedMs : 0);

/** `about 9 s left`, `about 3 min left`, or '' before the first district is done. */
export function timeLeft(p: Progress): string {
  const left = p.districtsDone > 0 ? ((p.districtsTotal - p.districtsDone) * p.elapsedMs) / p.districtsDone / 1000 : NaN;
  if (!Number.isFinite(left) || p.districtsDone === p.districtsTotal) return '';
  return `about ${left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left`;
}

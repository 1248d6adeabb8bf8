import { createHash, randomUUID } from 'node:crypto';
import type { DistrictCounts } from '../allocation/allocate.js';
import type { Database } from '../db/database.js';
import { inRolledBackTransaction } from '../db/lifecycle.js';
import { allDistricts, claimRun, createRun, finishRun, releaseRun } from '../db/runs.js';
import { addWorkingDays, missingNextYear, provisionalYears, type Calendar } from '../domain/calendar.js';
import { isKezekError, KezekError, UsageError } from '../errors.js';
import { describeFsError } from '../io/atomic-file.js';
import type { Logger } from '../log.js';
import { RunFolderWriter } from '../output/run-folder.js';
import { districtRunner } from '../pool/district-pool.js';
import { chooseEngine, type EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { allocateDistrictJob, type DistrictBusy, type DistrictDone, type DistrictJob, type DistrictSummary } from './district-job.js';

export type { DistrictSummary } from './district-job.js';

export interface AllocateConfig {
  /** The allocation date D. */
  date: string;
  /** The run folder to write. */
  outDir: string;
  /** Only these districts (all when empty). */
  districts: readonly string[];
  /** Worker threads (1 = everything in this thread). */
  workers: number;
  /** Compute and write the run folder, store nothing. */
  dryRun: boolean;
  rules: RuleSet;
  /** The rules engine asked for (the compiled one falls back to the reference when it must). */
  engine: EngineName;
  /**
   * The PostgreSQL server, when workers may open their own connections and
   * do whole districts (read, judge, match, write) in parallel.
   */
  connection?: { url: string; schema?: string | undefined } | undefined;
  /**
   * Share the run with other processes on the same date: districts another
   * process is allocating are skipped, then read back once it has finished.
   * Without it, such a district stops the run with RUN_LOCKED.
   */
  share?: boolean;
  /** Called after each district, in completion order. */
  onProgress?: (p: Progress) => void;
  /** The working-day calendar of the rules folder. */
  calendar: Calendar;
}

export interface Progress {
  districtsDone: number;
  districtsTotal: number;
  applications: number;
  elapsedMs: number;
}

export interface RunSummary {
  date: string;
  run: string | null;
  dryRun: boolean;
  rules: { version: string; effectiveFrom: string; hash: string };
  engine: EngineName;
  /** Why the compiled engine was not used, when it was asked for. */
  engineFallback: string | null;
  workers: number;
  inputHash: string;
  totals: DistrictCounts;
  districts: DistrictSummary[];
  /**
   * The working-day calendar behind the run's deadlines (confirm by, and the
   * lapses of step 1): provisional while a year on the way has no recorded
   * decree; `missingNextYear` from 1 November when next year has no file.
   */
  calendar: RunCalendar;
  /** Wall time, and per phase the time summed over districts (phases overlap across lanes). */
  timings: { totalMs: number; readMs: number; allocateMs: number; writeMs: number };
}

export interface RunCalendar {
  provisional: boolean;
  /** The years without a recorded decree that the run's deadlines run through. */
  provisionalYears: number[];
  /** Next year when it has no calendar file yet and the date is in November or December, else null. */
  missingNextYear: number | null;
}

/** Pure: what the run's summary says of its calendar. */
export function runCalendar(calendar: Calendar, date: string, confirmWorkingDays: number): RunCalendar {
  const years = provisionalYears(calendar, date, addWorkingDays(calendar, date, confirmWorkingDays));
  return { provisional: years.length > 0, provisionalYears: years, missingNextYear: missingNextYear(calendar, date) };
}

/** What a district's lines are replaced with once they are in the run folder. */
const WRITTEN = new Uint8Array(0);
const isBusy = (r: DistrictDone | DistrictBusy): r is DistrictBusy => 'busy' in r;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `kezek allocate`: every district on its own, each committed in one
 * transaction under a (date, district) lock; a district already finished for
 * this date is read back, not allocated again. Outputs are written in
 * district order whatever order districts finish in.
 */
export async function runNightly(db: Database, config: AllocateConfig, log: Logger): Promise<RunSummary> {
  // The run folder first: one that cannot be written stops the run before it takes its lock.
  const writer = new RunFolderWriter(config.outDir);
  try {
    if (config.dryRun) return await runLocked(db, config, log, writer);
    const shared = config.share ?? false;
    return await db.session(async (session) => {
      const claim = await claimRun(session, config.date, shared);
      if (!claim.ok)
        throw new KezekError(
          'RUN_LOCKED',
          claim.inProgress === config.date
            ? `a run for ${config.date} is in progress in another process${shared ? ' (without --share)' : ''}`
            : `a run for ${claim.inProgress} is in progress in another process; runs exclude each other (a night depends on the night before): start ${config.date} when it has finished`,
          { date: config.date, inProgress: claim.inProgress },
        );
      try {
        return await runLocked(db, config, log, writer);
      } finally {
        // The session's locks go with its connection anyway; releasing is only tidier.
        await releaseRun(session, config.date, shared).catch(() => {});
      }
    });
  } catch (e) {
    writer.discard();
    throw e;
  }
}

async function runLocked(db: Database, config: AllocateConfig, log: Logger, writer: RunFolderWriter): Promise<RunSummary> {
  const started = performance.now();
  const known = await allDistricts(db);
  const unknown = config.districts.filter((d) => !known.includes(d));
  if (unknown.length) throw new UsageError(`unknown district: ${unknown.join(', ')}`);
  const districts = config.districts.length ? known.filter((d) => config.districts.includes(d)) : known;

  const calendar = runCalendar(config.calendar, config.date, config.rules.parameters.confirmWorkingDays);
  if (calendar.missingNextYear)
    log.warn({ year: calendar.missingNextYear }, `no working-day calendar file for ${calendar.missingNextYear}: deadlines that run into it are provisional until rules/calendar/${calendar.missingNextYear}.json records its decree`);
  const { engine, fallback } = chooseEngine(config.rules, config.engine);
  if (fallback) log.warn({ reason: fallback }, 'the compiled rules engine cannot run these rules; using json-rules-engine (slower)');
  // The threads before the run is recorded: a pool that cannot start leaves no run behind.
  const runner = districtRunner(config.workers);
  const runId = config.dryRun ? null : `run-${config.date}-${randomUUID().slice(0, 8)}`;
  if (runId) {
    await createRun(db, {
      id: runId,
      date: config.date,
      rulesVersion: config.rules.version,
      rulesHash: config.rules.hash,
      engine,
      options: { districts: config.districts, workers: config.workers, share: config.share ?? false },
    }).catch(async (e: unknown) => {
      await runner.close();
      throw e;
    });
  }
  const runLog = log.child({ run: runId ?? 'dry-run', date: config.date });
  runLog.info({ districts: districts.length, workers: config.workers, dryRun: config.dryRun }, 'run started');

  const ownConnections = runner.threads > 1 && config.connection !== undefined && db.kind === 'postgres';
  const jobOf = (district: string): DistrictJob => ({ district, date: config.date, runId, rules: config.rules, engine, calendar: config.calendar });
  const attempt = (district: string): Promise<DistrictDone | DistrictBusy> =>
    ownConnections
      ? runner.job(config.connection!, jobOf(district))
      : runId
        ? db.transaction((q) => allocateDistrictJob(q, jobOf(district), runner.compute))
        : inRolledBackTransaction(db, (q) => allocateDistrictJob(q, jobOf(district), runner.compute));

  const results: (DistrictDone | undefined)[] = new Array(districts.length);
  const busy: number[] = [];
  let flushed = 0;
  let applications = 0;
  let finished = 0;
  /** Districts this process committed (not read back): a failure says how many stay. */
  let committed = 0;
  const record = (i: number, r: DistrictDone) => {
    results[i] = r;
    applications += r.summary.queued;
    finished++;
    if (!r.summary.resumed && runId) committed++;
    config.onProgress?.({ districtsDone: finished, districtsTotal: districts.length, applications, elapsedMs: performance.now() - started });
    runLog.info({ district: r.summary.district, referrals: r.summary.referrals, queue: r.summary.queueLeft, resumed: r.summary.resumed }, 'district allocated');
    while (flushed < districts.length && results[flushed]) {
      const f = results[flushed]!;
      try {
        writer.add(f.referrals, f.queue, f.refusals);
      } catch (e) {
        throw new KezekError('RUN_FAILED', `cannot write the run folder ${config.outDir}: ${describeFsError(e)}`, { date: config.date }, { cause: e });
      }
      results[flushed] = { ...f, referrals: WRITTEN, queue: WRITTEN, refusals: WRITTEN };
      flushed++;
    }
  };

  try {
    // Lanes: the threads, plus one on a server so its reads and writes overlap the judging.
    const lanes = Math.max(1, Math.min(Math.max(runner.threads, 1) + (db.kind === 'postgres' ? 1 : 0), districts.length));
    let next = 0;
    let failed = false;
    // Every lane stops taking districts after a failure, and all have stopped before the pool closes.
    const settled = await Promise.allSettled(
      Array.from({ length: lanes }, async () => {
        try {
          while (next < districts.length && !failed) {
            const i = next++;
            const r = await attempt(districts[i]!);
            if (!isBusy(r)) record(i, r);
            else if (config.share) busy.push(i);
            else throw new KezekError('RUN_LOCKED', `district ${r.district} is being allocated for ${config.date} by another process`, { district: r.district });
          }
        } catch (e) {
          failed = true;
          throw e;
        }
      }),
    );
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    // Districts another process held: wait for it, then read them back (or take them if it gave up).
    for (const i of busy.sort((a, b) => a - b)) {
      for (;;) {
        const r = await attempt(districts[i]!);
        if (!isBusy(r)) {
          record(i, r);
          break;
        }
        await sleep(200);
      }
    }
  } catch (e) {
    if (runId) await finishRun(db, runId, 'failed').catch(() => {});
    await runner.close();
    throw committed ? partlyCommitted(e, committed, districts.length, config.date) : e;
  }
  await runner.close();

  const done = results.map((r) => r!);
  const summaries = done.map((r) => r.summary);
  const phase = (k: 'readMs' | 'allocateMs' | 'writeMs') => Math.round(done.reduce((s, r) => s + r.timings[k], 0));
  const summary: RunSummary = {
    date: config.date,
    run: runId,
    dryRun: config.dryRun,
    rules: { version: config.rules.version, effectiveFrom: config.rules.effectiveFrom, hash: config.rules.hash },
    engine,
    engineFallback: fallback,
    workers: config.workers,
    inputHash: createHash('sha256').update(summaries.map((s) => `${s.district}:${s.inputHash}`).join('\n')).digest('hex'),
    totals: sumCounts(summaries),
    districts: summaries,
    calendar,
    timings: { totalMs: Math.round(performance.now() - started), readMs: phase('readMs'), allocateMs: phase('allocateMs'), writeMs: phase('writeMs') },
  };
  // Durable first (this commit flushes every district's), then the folder is complete.
  if (runId) await finishRun(db, runId, 'done');
  try {
    writer.close(summary);
  } catch (e) {
    throw new KezekError('RUN_FAILED', `every district is stored, but the run folder ${config.outDir} could not be written: ${describeFsError(e)}; run allocate for ${config.date} again to write it`, {
      date: config.date,
    }, { cause: e });
  }
  runLog.info({ referrals: summary.totals.referrals, queue: summary.totals.queueLeft, ms: summary.timings.totalMs }, 'run finished');
  return summary;
}


/**
 * An error after some districts committed (formats.md, exit code 1): those
 * stay, and running the date again finishes the run. The code and details of
 * the error are kept.
 */
function partlyCommitted(e: unknown, committed: number, total: number, date: string): KezekError {
  const why = e instanceof Error ? e.message : String(e);
  const code = isKezekError(e) && e.exitCode === 1 ? e.code : 'RUN_FAILED';
  return new KezekError(
    code,
    `${why}; ${committed} of ${total} districts were committed before it and stay; run allocate for ${date} again to finish the run`,
    { ...(isKezekError(e) ? e.details : {}), date, committed, total },
    { cause: e },
  );
}

function sumCounts(list: readonly DistrictCounts[]): DistrictCounts {
  const total: DistrictCounts = {
    queued: 0,
    refused: 0,
    notCandidates: 0,
    candidates: 0,
    referrals: 0,
    referralsByCategory: { extraordinary: 0, primary: 0, general: 0 },
    referralsByPreferenceRank: {},
    queueLeft: 0,
    seatsOffered: 0,
    seatsLeft: 0,
  };
  for (const c of list) {
    for (const k of ['queued', 'refused', 'notCandidates', 'candidates', 'referrals', 'queueLeft', 'seatsOffered', 'seatsLeft'] as const) total[k] += c[k];
    for (const k of ['extraordinary', 'primary', 'general'] as const) total.referralsByCategory[k] += c.referralsByCategory[k];
    for (const [k, v] of Object.entries(c.referralsByPreferenceRank))
      total.referralsByPreferenceRank[k] = (total.referralsByPreferenceRank[k] ?? 0) + v;
  }
  return total;
}

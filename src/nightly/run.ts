import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { allDistricts, claimRun, createRun, finishRun, releaseRun } from '../db/ledger.js';
import type { Calendar } from '../domain/calendar.js';
import { isKezekError, KezekError, UsageError } from '../errors.js';
import { describeFsError } from '../io/atomic-file.js';
import { RunFolderWriter } from '../io/run-folder.js';
import type { Logger } from '../log.js';
import { chooseEngine, type EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { DistrictBusy, DistrictDone, DistrictPlan } from './district.js';
import { districtExecutor } from './executor.js';
import { InOrderFolder, type KindergartenReferrals } from './in-order.js';
import { inLanes } from './lanes.js';
import { runAudit, runCalendar, runSummary, type RunAudit, type RunSummary } from './summary.js';

export type { DistrictSummary } from './district.js';
export type { RunSummary } from './summary.js';

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
  /**
   * Files made from the finished night (report.html and its languages), by
   * file name: written into the run folder after audit.json, before
   * summary.json. Given by the caller (the pages are a later layer).
   */
  report?: ((night: NightForReport) => Promise<Record<string, string>>) | undefined;
}

/** What a night's report is made from. */
export interface NightForReport {
  summary: RunSummary;
  audit: RunAudit;
  /** Referrals per kindergarten, in district order. */
  kindergartens: KindergartenReferrals[];
}

export interface Progress {
  districtsDone: number;
  districtsTotal: number;
  applications: number;
  elapsedMs: number;
}

const isBusy = (r: DistrictDone | DistrictBusy): r is DistrictBusy => 'busy' in r;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `kezek allocate`: the run folder is made, the run claimed, the districts
 * planned, each done on its own (nightly/district.ts: lock, ledger, lapse,
 * read, compute, store) in one transaction, written in district order, and
 * summarised. A district already finished for this date is read back, not
 * allocated again.
 */
export async function runNightly(db: Database, config: AllocateConfig, log: Logger): Promise<RunSummary> {
  // The run folder first: one that cannot be written stops the run before it takes its lock.
  const writer = new RunFolderWriter(config.outDir);
  try {
    if (config.dryRun) return await runClaimed(db, config, log, writer);
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
        return await runClaimed(db, config, log, writer);
      } finally {
        // Tidiness only: the session's locks go with its connection when it is released.
        await releaseRun(session, config.date, shared).catch(() => {});
      }
    });
  } catch (e) {
    writer.discard();
    throw e;
  }
}

/** The districts to do: all, or those asked for (in byte order of ids either way). */
async function planDistricts(db: Database, asked: readonly string[]): Promise<string[]> {
  const known = await allDistricts(db);
  const unknown = asked.filter((d) => !known.includes(d));
  if (unknown.length) throw new UsageError(`unknown district: ${unknown.join(', ')}`);
  return asked.length ? known.filter((d) => asked.includes(d)) : known;
}

async function runClaimed(db: Database, config: AllocateConfig, log: Logger, writer: RunFolderWriter): Promise<RunSummary> {
  const started = performance.now();
  const districts = await planDistricts(db, config.districts);
  const calendar = runCalendar(config.calendar, config.date, config.rules.parameters.confirmWorkingDays);
  if (calendar.missingNextYear)
    log.warn({ year: calendar.missingNextYear }, `no working-day calendar file for ${calendar.missingNextYear}: deadlines that run into it are provisional until rules/calendar/${calendar.missingNextYear}.json records its decree`);
  const { engine, fallback } = chooseEngine(config.rules, config.engine);
  if (fallback) log.warn({ reason: fallback }, 'the compiled rules engine cannot run these rules; using json-rules-engine (slower)');

  // The threads before the run is recorded: a pool that cannot start leaves no run behind.
  const executor = districtExecutor(db, { workers: config.workers, connection: config.connection });
  const runId = config.dryRun ? null : `run-${config.date}-${randomUUID().slice(0, 8)}`;
  const runLog = log.child({ run: runId ?? 'dry-run', date: config.date });
  const folder = new InOrderFolder(writer, districts.length, config.report !== undefined);
  let finished = 0;
  let applications = 0;
  /** Districts this process committed (not read back): a failure says how many stay. */
  let committed = 0;
  const record = (i: number, r: DistrictDone) => {
    finished++;
    applications += r.summary.queued;
    if (!r.summary.resumed && runId) committed++;
    config.onProgress?.({ districtsDone: finished, districtsTotal: districts.length, applications, elapsedMs: performance.now() - started });
    runLog.info({ district: r.summary.district, referrals: r.summary.referrals, queue: r.summary.queueLeft, resumed: r.summary.resumed }, 'district allocated');
    folder.add(i, r);
  };
  const planOf = (district: string): DistrictPlan => ({ district, date: config.date, runId, rules: config.rules, engine, calendar: config.calendar });

  try {
    if (runId) {
      await createRun(db, {
        id: runId,
        date: config.date,
        rulesVersion: config.rules.version,
        rulesHash: config.rules.hash,
        engine,
        // The folder and the districts planned: what `kezek runs` shows, and how to finish an interrupted run.
        options: { districts: config.districts, workers: config.workers, share: config.share ?? false, out: config.outDir, planned: districts.length },
      });
    }
    runLog.info({ districts: districts.length, workers: config.workers, dryRun: config.dryRun }, 'run started');
    // Lanes: the threads, plus one on a server so its reads and writes overlap the judging.
    const lanes = Math.max(executor.threads, 1) + (db.kind === 'postgres' ? 1 : 0);
    const busy: number[] = [];
    await inLanes(districts.length, lanes, async (i) => {
      const r = await executor.attempt(planOf(districts[i]!));
      if (!isBusy(r)) record(i, r);
      else if (config.share) busy.push(i);
      else throw new KezekError('RUN_LOCKED', `district ${r.district} is being allocated for ${config.date} by another process`, { district: r.district });
    });
    // Districts another process held: wait for it, then read them back (or take them if it gave up).
    for (const i of busy.sort((a, b) => a - b)) {
      for (;;) {
        const r = await executor.attempt(planOf(districts[i]!));
        if (!isBusy(r)) {
          record(i, r);
          break;
        }
        await sleep(200);
      }
    }
  } catch (e) {
    // The run is marked failed on a best-effort basis: the error that stopped it is what the operator must see.
    if (runId) await finishRun(db, runId, 'failed').catch((f: unknown) => runLog.warn({ err: f }, 'could not mark the run failed'));
    await executor.close();
    throw committed ? partlyCommitted(e, committed, districts.length, config.date) : e;
  }
  await executor.close();

  const done = folder.all();
  const summary = runSummary({
    date: config.date,
    runId,
    rules: config.rules,
    engine,
    engineFallback: fallback,
    workers: config.workers,
    calendar,
    done,
    totalMs: performance.now() - started,
  });
  const audit = runAudit(config.date, runId, done);
  // The report is a view of the night: one that cannot be made is logged, and the night stands without it.
  let extra: Record<string, string> = {};
  if (config.report)
    extra = await config.report({ summary, audit, kindergartens: folder.kindergartens }).catch((e: unknown) => {
      runLog.warn({ err: e }, 'the run report could not be made; the run folder has no report.html');
      return {};
    });
  // Durable first (this commit flushes every district's), then the folder is complete.
  if (runId) await finishRun(db, runId, 'done', summary);
  try {
    writer.close(summary, audit, extra);
  } catch (e) {
    throw new KezekError(
      'RUN_FAILED',
      `every district is stored, but the run folder ${config.outDir} could not be written: ${describeFsError(e)}; run allocate for ${config.date} again to write it`,
      { date: config.date },
      { cause: e },
    );
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

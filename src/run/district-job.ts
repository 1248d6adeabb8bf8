import type { DistrictCounts } from '../allocation/allocate.js';
import type { Queryable } from '../db/database.js';
import { ageOut, readLapseCounts, storeLapseCounts } from '../db/lifecycle.js';
import type { Calendar } from '../domain/calendar.js';
import { lapseDistrict, type LapseCounts } from '../lifecycle/lapse.js';
import { ledgerEntry, readDistrictRaw, readStoredDistrict, storeDistrict, tryLockDistrict } from '../db/runs.js';
import { lineBytes, queueLine, referralLine, refusalLine } from '../output/run-folder.js';
import type { EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { DistrictResult, DistrictTask } from './district-task.js';
import { issueReferrals } from './referrals.js';

/** One district of a run: what to do. Plain data, so it can go to a worker thread. */
export interface DistrictJob {
  district: string;
  date: string;
  /** null for a dry run: nothing is locked or stored. */
  runId: string | null;
  rules: RuleSet;
  engine: EngineName;
  calendar: Calendar;
}

export interface DistrictSummary extends DistrictCounts {
  district: string;
  inputHash: string;
  /** True when the district was finished by an earlier run for this date and read back. */
  resumed: boolean;
  /** Step 1 (lifecycle.md): referrals lapsed or cancelled, children aged out, seats returned. */
  lifecycle: LapseCounts;
}

/** One district done: its summary and its lines of the run folder, as NDJSON (UTF-8 bytes, each in a buffer of its own). */
export interface DistrictDone {
  summary: DistrictSummary;
  referrals: Uint8Array;
  queue: Uint8Array;
  refusals: Uint8Array;
  timings: { readMs: number; allocateMs: number; writeMs: number };
}

/** The district is being allocated for this date by another process right now. */
export interface DistrictBusy {
  busy: true;
  district: string;
}

export type Compute = (task: DistrictTask) => Promise<DistrictResult>;

/**
 * Read → judge and match → write for one district, inside the caller's
 * transaction: the (date, district) lock first, then the ledger, so a
 * district is allocated once per date and a finished one is read back.
 */
export async function allocateDistrictJob(q: Queryable, job: DistrictJob, compute: Compute): Promise<DistrictDone | DistrictBusy> {
  const { district, date, runId } = job;
  if (runId && !(await tryLockDistrict(q, date, district))) return { busy: true, district };
  // The district's commit does not wait for its WAL to reach the disk: the run's
  // last commit (finishRun) does, and that flushes every district before it. A
  // crash in between loses districts not yet flushed; they are not in the ledger
  // either, so the re-run allocates them again, deterministically.
  if (runId) await q.query('set local synchronous_commit = off');
  const done = await ledgerEntry(q, date, district);
  if (done) {
    const stored = await readStoredDistrict(q, done, date);
    const lifecycle = await readLapseCounts(q, date, district);
    return {
      summary: { district, inputHash: done.inputHash, resumed: true, ...done.counts, lifecycle },
      referrals: lineBytes(stored.referrals, referralLine),
      queue: lineBytes(stored.queue, queueLine),
      refusals: lineBytes(stored.refusals, refusalLine),
      timings: { readMs: 0, allocateMs: 0, writeMs: 0 },
    };
  }
  // Step 1: what is overdue lapses and its seats come back, before anything is read.
  const actor = runId ?? 'dry-run';
  const lapses = await lapseDistrict(q, district, date, job.calendar, job.rules.parameters, actor);
  // The queue is read through the district index, which gives it in the id order the run
  // needs, and the writes after it find their rows by index too. Where a district's rows are
  // spread over the table (a bulk load stores them a megabyte at a time), the planner would
  // rather sort a bitmap scan's rows, with parallel workers taking the cores the run's own
  // threads use: 20-29 ms against 12 ms for a district of 15,000. For this transaction only.
  await q.query(
    `select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );
  let t = performance.now();
  const data = await readDistrictRaw(q, district);
  const readMs = performance.now() - t;
  t = performance.now();
  const result = await compute({ district, date, runId, places: data.places, queue: data.queue, rules: job.rules, engine: job.engine });
  const referrals = issueReferrals(result.referrals, date, job.rules.parameters.confirmWorkingDays, job.calendar);
  const allocateMs = performance.now() - t;
  t = performance.now();
  if (runId) {
    await storeDistrict(q, {
      runId, date, district, inputHash: data.inputHash, counts: result.counts, referrals, queueCopy: result.queueCopy, refusalsCopy: result.refusalsCopy,
    });
  }
  // Refused for the age limit in this run's refusals, the children then leave the queue (aged_out).
  const lifecycle = { ...lapses, agedOut: await ageOut(q, district, result.agedOut, job.rules.parameters.maxAgeYears, actor, date) };
  await storeLapseCounts(q, date, district, lifecycle);
  return {
    summary: { district, inputHash: data.inputHash, resumed: false, ...result.counts, lifecycle },
    referrals: lineBytes(referrals, referralLine),
    queue: result.queueLines,
    refusals: result.refusalLines,
    timings: { readMs, allocateMs, writeMs: performance.now() - t },
  };
}

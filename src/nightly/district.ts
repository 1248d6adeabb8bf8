import { lineBytes, queueLine, referralLine, refusalLine } from '../codec/run-lines.js';
import { ageOut } from '../db/changes.js';
import type { Queryable } from '../db/database.js';
import { readDistrictRaw, readThroughIndexes } from '../db/district-read.js';
import { commitWithoutFlush, readStoredDistrict, storeDistrict } from '../db/district-store.js';
import { readDistrictAudit, storeDistrictAudit } from '../db/audits.js';
import { readLapses, storeLapses } from '../db/lapses.js';
import type { DistrictAudit } from '../audit/invariants.js';
import { publishedNumbers, type DistrictNumbers, type PublishedNumbers } from '../audit/numbers.js';
import { ledgerEntry, tryLockDistrict } from '../db/ledger.js';
import type { Calendar } from '../domain/calendar.js';
import type { DistrictCounts, LapseCounts } from '../domain/outcomes.js';
import { issueReferrals } from '../lifecycle/issue.js';
import type { EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { ComputeRequest, ComputeResult } from './compute.js';
import { agedOutEntries, lapseDistrict, lapseLines } from './lapse.js';

/** One district of a night: what to do. */
export interface DistrictPlan {
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
  /** The numbers people ask of the night (null for a night stored before they were kept). */
  numbers: PublishedNumbers | null;
}


/** One district done: its summary and its lines of the run folder, as NDJSON (UTF-8 bytes, each in a buffer of its own). */
export interface DistrictDone {
  summary: DistrictSummary;
  referrals: Uint8Array;
  queue: Uint8Array;
  refusals: Uint8Array;
  /** lapses.ndjson: the referrals lapsed or cancelled in step 1 and the children aged out. */
  lapses: Uint8Array;
  /** The fairness audit and the full numbers (null for a night stored before audits were kept). */
  audit: DistrictAudit | null;
  fullNumbers: DistrictNumbers | null;
  timings: { readMs: number; allocateMs: number; writeMs: number };
}

/** The district is being allocated for this date by another process right now. */
export interface DistrictBusy {
  busy: true;
  district: string;
}

/** The compute step, in this thread or a worker thread. */
export type Compute = (req: ComputeRequest) => Promise<ComputeResult>;

/**
 * One district's night inside the caller's transaction, in the order data
 * moves: the (date, district) lock, the ledger (a finished district is read
 * back, never allocated twice), step 1 (lapse), read, compute, store.
 */
export async function runDistrict(q: Queryable, plan: DistrictPlan, compute: Compute): Promise<DistrictDone | DistrictBusy> {
  const { district, date, runId } = plan;
  if (runId && !(await tryLockDistrict(q, date, district))) return { busy: true, district };
  if (runId) await commitWithoutFlush(q);
  const done = await ledgerEntry(q, date, district);
  if (done) {
    const stored = await readStoredDistrict(q, done, date);
    const lapses = await readLapses(q, date, district);
    const audited = await readDistrictAudit(q, date, district);
    return {
      summary: { district, inputHash: done.inputHash, resumed: true, ...done.counts, lifecycle: lapses.counts, numbers: audited ? publishedNumbers(audited.numbers) : null },
      audit: audited?.audit ?? null,
      fullNumbers: audited?.numbers ?? null,
      referrals: lineBytes(stored.referrals, referralLine),
      queue: lineBytes(stored.queue, queueLine),
      refusals: lineBytes(stored.refusals, refusalLine),
      lapses: utf8(lapses.lines),
      timings: { readMs: 0, allocateMs: 0, writeMs: 0 },
    };
  }
  // Step 1: what is overdue lapses and its seats come back, before anything is read.
  const actor = runId ?? 'dry-run';
  const step1 = await lapseDistrict(q, district, date, plan.calendar, plan.rules.parameters, actor);
  await readThroughIndexes(q);
  let t = performance.now();
  const data = await readDistrictRaw(q, district);
  const readMs = performance.now() - t;
  t = performance.now();
  const result = await compute({ district, date, runId, places: data.places, queue: data.queue, rules: plan.rules, engine: plan.engine });
  const referrals = issueReferrals(result.referrals, date, plan.rules.parameters.confirmWorkingDays, plan.calendar);
  const allocateMs = performance.now() - t;
  t = performance.now();
  if (runId) {
    await storeDistrict(q, {
      runId, date, district, inputHash: data.inputHash, counts: result.counts, referrals, queueCopy: result.queueCopy, refusalsCopy: result.refusalsCopy,
    });
    await storeDistrictAudit(q, date, district, result.audit, result.numbers);
  }
  // Refused for the age limit in this run's refusals, the children then leave the queue (aged_out).
  const agedOut = await ageOut(q, district, result.agedOut, plan.rules.parameters.maxAgeYears, actor, date);
  const lifecycle = { ...step1.counts, agedOut: agedOut.length };
  const lapses = lapseLines([...step1.entries, ...agedOutEntries(agedOut, district)]);
  await storeLapses(q, date, district, lifecycle, lapses);
  return {
    summary: { district, inputHash: data.inputHash, resumed: false, ...result.counts, lifecycle, numbers: publishedNumbers(result.numbers) },
    audit: result.audit,
    fullNumbers: result.numbers,
    referrals: lineBytes(referrals, referralLine),
    queue: result.queueLines,
    refusals: result.refusalLines,
    lapses: utf8(lapses),
    timings: { readMs, allocateMs, writeMs: performance.now() - t },
  };
}

/** UTF-8 bytes in a buffer of their own (so a worker thread can move them). */
function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

import { lineBytes, queueLine, referralLine, refusalLine } from '../codec/run-lines.js';
import { ageOut } from '../db/changes.js';
import type { Database, Queryable } from '../db/database.js';
import { KezekError } from '../errors.js';
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
import { agedOutEntries, lapseDistrict, lapseLine, lapseLines } from './lapse.js';

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

/** A district read and ready to compute: step 1 done, its data read. */
export interface DistrictRead {
  step1: { counts: LapseCounts; entries: readonly string[] };
  data: Awaited<ReturnType<typeof readDistrictRaw>>;
  readMs: number;
}

/**
 * The first part of a district's night, in the caller's transaction: the
 * (date, district) lock, the ledger (a finished district is read back, never
 * allocated twice), step 1 (lapse) and the read. With `keepStep1` what step 1
 * did is stored at once (district_lapses, invisible until the district is in
 * the ledger), so the transaction may commit before the compute step; step 1
 * recorded by an attempt that stopped before its district was stored is taken
 * up again by the next attempt, so no lapse is lost from the night.
 */
export async function prepareDistrict(q: Queryable, plan: DistrictPlan, keepStep1 = false): Promise<DistrictDone | DistrictBusy | DistrictRead> {
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
  // What an earlier attempt's step 1 did (it committed, its district did not) comes first.
  const earlier = await readLapses(q, date, district);
  const now = await lapseDistrict(q, district, date, plan.calendar, plan.rules.parameters, runId ?? 'dry-run');
  const step1 = {
    counts: addLapseCounts(earlier.counts, now.counts),
    entries: [...splitLines(earlier.lines), ...now.entries.map(lapseLine)],
  };
  if (keepStep1) await storeLapses(q, date, district, step1.counts, joinLines(step1.entries));
  await readThroughIndexes(q);
  const t = performance.now();
  const data = await readDistrictRaw(q, district);
  return { step1, data, readMs: performance.now() - t };
}

/** The last part, in the caller's transaction: the compute step's outcome stored, children aged out, step 1's record completed. */
export async function finishDistrict(q: Queryable, plan: DistrictPlan, read: DistrictRead, result: ComputeResult, allocateMs: number): Promise<DistrictDone> {
  const { district, date, runId } = plan;
  const t = performance.now();
  const referrals = issueReferrals(result.referrals, date, plan.rules.parameters.confirmWorkingDays, plan.calendar);
  if (runId) {
    await storeDistrict(q, {
      runId, date, district, inputHash: read.data.inputHash, counts: result.counts, referrals, queueCopy: result.queueCopy, refusalsCopy: result.refusalsCopy,
    });
    await storeDistrictAudit(q, date, district, result.audit, result.numbers);
  }
  // Refused for the age limit in this run's refusals, the children then leave the queue (aged_out).
  const agedOut = await ageOut(q, district, result.agedOut, plan.rules.parameters.maxAgeYears, runId ?? 'dry-run', date);
  const lifecycle = { ...read.step1.counts, agedOut: agedOut.length };
  const lapses = joinLines(read.step1.entries) + lapseLines(agedOutEntries(agedOut, district));
  await storeLapses(q, date, district, lifecycle, lapses);
  return {
    summary: { district, inputHash: read.data.inputHash, resumed: false, ...result.counts, lifecycle, numbers: publishedNumbers(result.numbers) },
    audit: result.audit,
    fullNumbers: result.numbers,
    referrals: lineBytes(referrals, referralLine),
    queue: result.queueLines,
    refusals: result.refusalLines,
    lapses: utf8(lapses),
    timings: { readMs: read.readMs, allocateMs, writeMs: performance.now() - t },
  };
}

const isRead = (r: DistrictDone | DistrictBusy | DistrictRead): r is DistrictRead => 'step1' in r;

/** The compute step of a prepared district, timed. */
async function computeRead(plan: DistrictPlan, read: DistrictRead, compute: Compute): Promise<{ result: ComputeResult; allocateMs: number }> {
  const t = performance.now();
  const { district, date, runId } = plan;
  const result = await compute({ district, date, runId, places: read.data.places, queue: read.data.queue, rules: plan.rules, engine: plan.engine });
  return { result, allocateMs: performance.now() - t };
}

/**
 * One district's night inside the caller's transaction, in the order data
 * moves: the (date, district) lock, the ledger, step 1 (lapse), read,
 * compute, store.
 */
export async function runDistrict(q: Queryable, plan: DistrictPlan, compute: Compute): Promise<DistrictDone | DistrictBusy> {
  const read = await prepareDistrict(q, plan);
  if (!isRead(read)) return read;
  const { result, allocateMs } = await computeRead(plan, read, compute);
  return finishDistrict(q, plan, read, result, allocateMs);
}

/**
 * One district's night in two transactions, the compute step between them
 * with no transaction open: on the embedded database, whose one connection
 * the districts share, other districts are read and stored while this one is
 * judged in a thread. Step 1 commits with the read (kept, see
 * prepareDistrict); the district's outcome commits with its ledger entry, as
 * in runDistrict. Only for a run that stores (a dry run keeps one rolled-back
 * transaction), and only where no other process can change the district in
 * between (the embedded folder is held by this process; the district's
 * outcome is checked against its statuses when stored all the same).
 */
export async function runDistrictSplit(db: Database, plan: DistrictPlan, compute: Compute): Promise<DistrictDone | DistrictBusy> {
  const read = await db.transaction((q) => prepareDistrict(q, plan, true));
  if (!isRead(read)) return read;
  const { result, allocateMs } = await computeRead(plan, read, compute);
  return db.transaction(async (q) => {
    // The district stays this run's: locked again, and not finished meanwhile.
    if (plan.runId && !(await tryLockDistrict(q, plan.date, plan.district))) return { busy: true, district: plan.district } satisfies DistrictBusy;
    if (plan.runId) await commitWithoutFlush(q);
    if (await ledgerEntry(q, plan.date, plan.district))
      throw new KezekError('CONCURRENT_CHANGE', `district ${plan.district} was stored for ${plan.date} by another process while this one computed it; run the date again`, { district: plan.district });
    return finishDistrict(q, plan, read, result, allocateMs);
  });
}

function addLapseCounts(a: LapseCounts, b: LapseCounts): LapseCounts {
  return { lapsed: a.lapsed + b.lapsed, cancelled: a.cancelled + b.cancelled, agedOut: a.agedOut + b.agedOut, seatsReturned: a.seatsReturned + b.seatsReturned };
}

const splitLines = (text: string): string[] => (text ? text.slice(0, text.endsWith('\n') ? -1 : undefined).split('\n') : []);
const joinLines = (lines: readonly string[]): string => (lines.length ? lines.join('\n') + '\n' : '');

/** UTF-8 bytes in a buffer of their own (so a worker thread can move them). */
function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

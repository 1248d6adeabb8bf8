import { createHash } from 'node:crypto';
import { addWorkingDays, missingNextYear, provisionalYears, type Calendar } from '../domain/calendar.js';
import type { DistrictCounts, LapseCounts } from '../domain/outcomes.js';
import type { EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { INVARIANTS, type DistrictAudit, type InvariantName } from '../audit/invariants.js';
import { publishedNumbers, runNumbers, type DistrictNumbers, type RunNumbers } from '../audit/numbers.js';
import type { DistrictDone, DistrictSummary } from './district.js';

/** summary.json of a run folder (formats.md), as kezek writes it. Pure. */
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
  /** Step 1 and the age limit over every district: the night's follow-up is listed in lapses.ndjson. */
  lifecycle: LapseCounts;
  /** The numbers people ask of the night, over its districts (each district has its own). */
  numbers: RunNumbers;
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

/** What the run's summary says of its calendar. */
export function runCalendar(calendar: Calendar, date: string, confirmWorkingDays: number): RunCalendar {
  const years = provisionalYears(calendar, date, addWorkingDays(calendar, date, confirmWorkingDays));
  return { provisional: years.length > 0, provisionalYears: years, missingNextYear: missingNextYear(calendar, date) };
}

export interface SummaryInput {
  date: string;
  runId: string | null;
  rules: RuleSet;
  engine: EngineName;
  engineFallback: string | null;
  workers: number;
  calendar: RunCalendar;
  /** Every district of the run, in district order. */
  done: readonly DistrictDone[];
  totalMs: number;
}

/** summary.json's input hash: over each district's, in district order. */
export function nightInputHash(districts: readonly { district: string; inputHash: string }[]): string {
  return createHash('sha256').update(districts.map((d) => `${d.district}:${d.inputHash}`).join('\n')).digest('hex');
}

export function runSummary(s: SummaryInput): RunSummary {
  const summaries = s.done.map((r) => r.summary);
  const phase = (k: 'readMs' | 'allocateMs' | 'writeMs') => Math.round(s.done.reduce((sum, r) => sum + r.timings[k], 0));
  return {
    date: s.date,
    run: s.runId,
    dryRun: s.runId === null,
    rules: { version: s.rules.version, effectiveFrom: s.rules.effectiveFrom, hash: s.rules.hash },
    engine: s.engine,
    engineFallback: s.engineFallback,
    workers: s.workers,
    inputHash: nightInputHash(summaries),
    totals: sumCounts(summaries),
    lifecycle: sumLapses(summaries.map((d) => d.lifecycle)),
    numbers: runNumbers(s.done.flatMap((d) => (d.fullNumbers ? [d.fullNumbers] : []))),
    districts: summaries,
    calendar: s.calendar,
    timings: { totalMs: Math.round(s.totalMs), readMs: phase('readMs'), allocateMs: phase('allocateMs'), writeMs: phase('writeMs') },
  };
}

/**
 * audit.json of a run folder: every district's fairness audit (allocation.md's
 * invariants 1, 3, 4, 5 and 6, each held or violated with what it checked) and
 * the night's in total, with the numbers people ask for.
 */
export interface RunAudit {
  date: string;
  run: string | null;
  /** Every district audited and every invariant held. */
  held: boolean;
  /** Over all districts: an invariant holds when it holds in each; `checked` adds up. */
  invariants: Record<InvariantName, { invariant: number; held: boolean; checked: number }>;
  /** Districts of a night stored before audits were kept, read back without one. */
  notAudited: string[];
  numbers: RunNumbers;
  districts: (DistrictAudit & { numbers: DistrictSummary['numbers'] })[];
}

export function runAudit(date: string, runId: string | null, done: readonly DistrictDone[]): RunAudit {
  return auditOfNight(date, runId, done.map((d) => ({ district: d.summary.district, audit: d.audit, numbers: d.fullNumbers })));
}

/** audit.json from each district's audit and numbers (null for a district stored before audits were kept), in district order. */
export function auditOfNight(date: string, runId: string | null, districts: readonly { district: string; audit: DistrictAudit | null; numbers: DistrictNumbers | null }[]): RunAudit {
  const audits = districts.flatMap((d) => (d.audit ? [d.audit] : []));
  const invariants = Object.fromEntries(
    INVARIANTS.map((n) => [n, { invariant: audits[0]?.[n].invariant ?? INVARIANT_NUMBERS[n], held: audits.every((a) => a[n].held), checked: audits.reduce((k, a) => k + a[n].checked, 0) }]),
  ) as RunAudit['invariants'];
  const notAudited = districts.filter((d) => !d.audit).map((d) => d.district);
  return {
    date,
    run: runId,
    held: notAudited.length === 0 && INVARIANTS.every((n) => invariants[n].held),
    invariants,
    notAudited,
    numbers: runNumbers(districts.flatMap((d) => (d.numbers ? [d.numbers] : []))),
    districts: districts.flatMap((d) => (d.audit ? [{ ...d.audit, numbers: d.numbers ? publishedNumbers(d.numbers) : null }] : [])),
  };
}

const INVARIANT_NUMBERS: Record<InvariantName, number> = { capacity: 1, oneReferral: 1, noEnvy: 3, noWaste: 4, quota: 5, nothingLost: 6 };

export function sumCounts(list: readonly DistrictCounts[]): DistrictCounts {
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

export function sumLapses(list: readonly LapseCounts[]): LapseCounts {
  const total: LapseCounts = { lapsed: 0, cancelled: 0, agedOut: 0, seatsReturned: 0 };
  for (const c of list) for (const k of ['lapsed', 'cancelled', 'agedOut', 'seatsReturned'] as const) total[k] += c[k];
  return total;
}

import { lineBytes, queueLine, referralLine, refusalLine } from '../codec/run-lines.js';
import type { Queryable } from '../db/database.js';
import { readStoredDistrict } from '../db/district-store.js';
import { nightAudits, nightReferralsByKindergarten } from '../db/audits.js';
import { kindergartenNames } from '../db/notices.js';
import { readLapses } from '../db/lapses.js';
import { ledgerOfDate, readDateTotals, readRuns, type RunRow } from '../db/ledger.js';
import type { LapseCounts } from '../domain/outcomes.js';
import { KezekError } from '../errors.js';
import { runNumbers } from '../audit/numbers.js';
import { auditOfNight, nightInputHash, sumCounts, sumLapses, type RunAudit, type RunSummary } from '../nightly/summary.js';

/**
 * The nights as an operator sees them (`kezek runs`, GET /v1/runs): one entry
 * per date, with the runs that worked on it (a run that was interrupted, then
 * the one that finished it). A run left `running` by a process that died is
 * `interrupted`: re-running the date finishes it.
 */
export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface RunAttempt {
  run: string;
  status: RunStatus;
  /** ISO instants, Kazakhstan time. */
  startedAt: string;
  finishedAt: string | null;
  /** Districts this run committed itself (the others of the date were read back or are not done). */
  districtsCommitted: number;
  engine: string;
  rulesVersion: string;
  rulesHash: string;
  workers: number | null;
  /** The run folder it wrote. */
  out: string | null;
}

export interface RunDay {
  date: string;
  /** The latest run's status. */
  status: RunStatus;
  districts: { done: number; planned: number | null };
  /** Step 1 and the age limit in the districts done for the date (lapses.ndjson has the applications). */
  lifecycle: LapseCounts;
  startedAt: string;
  finishedAt: string | null;
  engine: string;
  rulesVersion: string;
  out: string | null;
  /** The command that finishes an interrupted or failed night, else null. */
  resume: string | null;
  runs: RunAttempt[];
}

/** The nights of the latest `limit` dates (or one date), newest first. */
export async function listRunDays(q: Queryable, o: { date?: string | undefined; limit?: number | undefined } = {}): Promise<RunDay[]> {
  const rows = await readRuns(q, o);
  const dates = [...new Set(rows.map((r) => r.date))];
  const totals = await readDateTotals(q, dates);
  return dates.map((date) => {
    const runs = rows.filter((r) => r.date === date);
    const last = runs[runs.length - 1]!;
    const status = statusOf(last);
    const t = totals.get(date);
    return {
      date,
      status,
      districts: { done: t?.districtsDone ?? 0, planned: plannedOf(last) },
      lifecycle: t?.lifecycle ?? { lapsed: 0, cancelled: 0, agedOut: 0, seatsReturned: 0 },
      startedAt: runs[0]!.startedAt,
      finishedAt: status === 'done' ? last.finishedAt : null,
      engine: last.engine,
      rulesVersion: last.rulesVersion,
      out: outOf(last),
      resume: status === 'interrupted' || status === 'failed' ? resumeCommand(last) : null,
      runs: runs.map(attemptOf),
    };
  });
}

/** One night with its summary.json (of the run that finished it; null while none has). */
export async function runDayOf(q: Queryable, date: string): Promise<RunDay & { summary: Record<string, unknown> | null }> {
  const [day] = await listRunDays(q, { date, limit: 1 });
  if (!day) throw noRun(date);
  const rows = await readRuns(q, { date, limit: 1 });
  const finished = [...rows].reverse().find((r) => r.summary);
  return { ...day, summary: finished?.summary ?? null };
}

/**
 * The night's summary.json as the run that finished it stored it (GET
 * /v1/runs/{date}). Seen by a key limited to districts: those districts only,
 * with the totals, the numbers and the input hash over them.
 */
export async function nightSummary(q: Queryable, date: string, mayRead: (district: string) => boolean = () => true): Promise<RunSummary> {
  const day = await runDayOf(q, date);
  if (!day.summary) throw unfinished(day);
  const summary = day.summary as unknown as RunSummary;
  const districts = summary.districts.filter((d) => mayRead(d.district));
  if (districts.length === summary.districts.length) return summary;
  const numbers = (await nightAudits(q, date)).filter((a) => mayRead(a.numbers.district)).map((a) => a.numbers);
  return {
    ...summary,
    inputHash: nightInputHash(districts),
    totals: sumCounts(districts),
    lifecycle: sumLapses(districts.map((d) => d.lifecycle)),
    numbers: runNumbers(numbers),
    districts,
  };
}

/** The night's fairness audit (audit.json) from the audits stored with each district done for the date. */
export async function nightAudit(q: Queryable, date: string, mayRead: (district: string) => boolean = () => true): Promise<RunAudit> {
  const day = await runDayOf(q, date);
  const ledger = (await ledgerOfDate(q, date)).filter((d) => mayRead(d.district));
  const stored = new Map((await nightAudits(q, date)).map((a) => [a.audit.district, a]));
  const run = typeof day.summary?.run === 'string' ? day.summary.run : (day.runs.at(-1)?.run ?? null);
  return auditOfNight(date, run, ledger.map((d) => ({ district: d.district, audit: stored.get(d.district)?.audit ?? null, numbers: stored.get(d.district)?.numbers ?? null })));
}

/**
 * What the run report adds to the summary and audit: the places the night
 * gave per kindergarten, and the kindergartens' names (of those with places
 * given or left), for the districts the caller may read.
 */
export async function nightReportExtra(
  q: Queryable,
  summary: RunSummary,
): Promise<{ kindergartens: { district: string; kindergarten: string; referrals: number }[]; kindergartenNames: Map<string, string> }> {
  const districts = summary.districts.map((d) => d.district);
  const kindergartens = districts.length ? await nightReferralsByKindergarten(q, summary.date, districts) : [];
  const ids = new Set(kindergartens.map((k) => k.kindergarten));
  for (const d of summary.districts) for (const s of d.numbers?.seatsLeft ?? []) ids.add(s.kindergarten);
  return { kindergartens, kindergartenNames: await kindergartenNames(q, [...ids]) };
}

const unfinished = (day: RunDay) =>
  new KezekError('NOT_FOUND', `the night of ${day.date} has no summary yet: it is ${day.status} (${day.districts.done}${day.districts.planned === null ? '' : ` of ${day.districts.planned}`} districts done)`, { what: 'run summary', id: day.date });

/**
 * A file of the date's run folder as the database holds it: the districts
 * done for the date in district order, each as the run stored it (the same
 * bytes as the folder's, read back like a re-run does).
 */
export async function runFileText(q: Queryable, date: string, file: 'referrals' | 'queue' | 'refusals' | 'lapses'): Promise<string> {
  const ledger = await ledgerOfDate(q, date);
  if (!ledger.length) throw noRun(date);
  const decoder = new TextDecoder();
  let out = '';
  for (const entry of ledger) {
    if (file === 'lapses') {
      out += (await readLapses(q, date, entry.district)).lines;
      continue;
    }
    const stored = await readStoredDistrict(q, entry, date);
    const bytes =
      file === 'referrals' ? lineBytes(stored.referrals, referralLine) : file === 'queue' ? lineBytes(stored.queue, queueLine) : lineBytes(stored.refusals, refusalLine);
    out += decoder.decode(bytes);
  }
  return out;
}

/** A stored `running` run whose process no longer holds its lock died: interrupted. */
function statusOf(r: RunRow): RunStatus {
  if (r.status === 'running') return r.live ? 'running' : 'interrupted';
  return r.status === 'done' || r.status === 'failed' || r.status === 'interrupted' ? r.status : 'failed';
}

function attemptOf(r: RunRow): RunAttempt {
  return {
    run: r.id,
    status: statusOf(r),
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    districtsCommitted: r.committed,
    engine: r.engine,
    rulesVersion: r.rulesVersion,
    rulesHash: r.rulesHash,
    workers: typeof r.options.workers === 'number' ? r.options.workers : null,
    out: outOf(r),
  };
}

const outOf = (r: RunRow): string | null => (typeof r.options.out === 'string' ? r.options.out : null);

function plannedOf(r: RunRow): number | null {
  if (typeof r.options.planned === 'number') return r.options.planned;
  const districts = r.summary?.districts;
  return Array.isArray(districts) ? districts.length : null;
}

/** `kezek allocate --date D --out DIR [--district …]`: what the interrupted run was asked. */
function resumeCommand(r: RunRow): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : JSON.stringify(s));
  const districts = Array.isArray(r.options.districts) ? (r.options.districts as string[]) : [];
  return ['kezek allocate --date', r.date, '--out', quote(outOf(r) ?? `runs/${r.date}`), ...districts.flatMap((d) => ['--district', quote(d)])].join(' ');
}

const noRun = (date: string) => new KezekError('NOT_FOUND', `no run is stored for ${date}`, { what: 'run', id: date });

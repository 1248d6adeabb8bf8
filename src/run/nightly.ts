import { createHash, randomUUID } from 'node:crypto';
import type { DistrictCounts, QueueEntry, Refusal } from '../allocation/allocate.js';
import type { Database, Queryable } from '../db/database.js';
import {
  allDistricts,
  createRun,
  finishRun,
  ledgerEntry,
  readDistrict,
  readStoredDistrict,
  storeDistrict,
  tryLockDistrict,
  type DistrictData,
} from '../db/runs.js';
import { inRolledBackTransaction, readLapseCounts } from '../db/lifecycle.js';
import { loadCalendar } from '../calendar/load.js';
import { isWorkingDay, type Calendar } from '../domain/calendar.js';
import { KezekError, UsageError } from '../errors.js';
import { lapseDistrict, type LapseCounts } from '../lifecycle/lapse.js';
import { defaultRulesDir } from '../paths.js';
import type { Logger } from '../log.js';
import { RunFolderWriter } from '../output/run-folder.js';
import { districtRunner } from '../pool/district-pool.js';
import type { RuleSet } from '../rules/ruleset.js';
import { issueReferrals, type ReferralRow } from './referrals.js';

export interface AllocateConfig {
  /** The allocation date D. */
  date: string;
  /** The run folder to write. */
  outDir: string;
  /** Only these districts (all when empty). */
  districts: readonly string[];
  /** Worker threads for judging and matching (1 = this thread). */
  workers: number;
  /** Compute and write the run folder, store nothing. */
  dryRun: boolean;
  rules: RuleSet;
  /** The working-day calendar (default: the shipped rules/calendar). */
  calendar?: Calendar;
}

export interface DistrictSummary extends DistrictCounts {
  district: string;
  inputHash: string;
  /** True when the district was finished by an earlier run for this date and read back. */
  resumed: boolean;
  /** Step 1 (lifecycle.md): referrals lapsed or cancelled, children aged out, seats returned. */
  lifecycle: LapseCounts;
}

export interface RunSummary {
  date: string;
  run: string | null;
  dryRun: boolean;
  rules: { version: string; effectiveFrom: string; hash: string };
  engine: 'reference';
  workers: number;
  inputHash: string;
  totals: DistrictCounts;
  districts: DistrictSummary[];
  timings: { totalMs: number; readMs: number; allocateMs: number; writeMs: number };
}

interface DistrictResult {
  summary: DistrictSummary;
  referrals: ReferralRow[];
  queue: QueueEntry[];
  refusals: Refusal[];
}

/**
 * `kezek allocate`: every district on its own, each committed in one
 * transaction under a (date, district) lock; a district already finished for
 * this date is read back, not allocated again. Outputs are written in
 * district order whatever order districts finish in.
 */
export async function runNightly(db: Database, config: AllocateConfig, log: Logger): Promise<RunSummary> {
  const started = performance.now();
  const timings = { readMs: 0, allocateMs: 0, writeMs: 0 };
  const known = await allDistricts(db);
  const unknown = config.districts.filter((d) => !known.includes(d));
  if (unknown.length) throw new UsageError(`unknown district: ${unknown.join(', ')}`);
  const districts = config.districts.length ? known.filter((d) => config.districts.includes(d)) : known;

  const calendar = config.calendar ?? loadCalendar(defaultRulesDir());
  isWorkingDay(calendar, config.date); // CALENDAR_MISSING before anything is written
  const runId = config.dryRun ? null : `run-${config.date}-${randomUUID().slice(0, 8)}`;
  if (runId) {
    await createRun(db, {
      id: runId,
      date: config.date,
      rulesVersion: config.rules.version,
      rulesHash: config.rules.hash,
      engine: 'reference',
      options: { districts: config.districts, workers: config.workers },
    });
  }
  const runLog = log.child({ run: runId ?? 'dry-run', date: config.date });
  runLog.info({ districts: districts.length, workers: config.workers, dryRun: config.dryRun }, 'run started');

  const runner = districtRunner(config.workers);
  const writer = new RunFolderWriter(config.outDir);
  const results: (DistrictResult | undefined)[] = new Array(districts.length);
  let next = 0;
  let flushed = 0;
  const flush = () => {
    while (flushed < districts.length && results[flushed]) {
      const r = results[flushed]!;
      writer.addDistrict(r.referrals, r.queue, r.refusals);
      results[flushed] = { ...r, referrals: [], queue: [], refusals: [] };
      flushed++;
    }
  };

  const one = async (district: string): Promise<DistrictResult> => {
    const dlog = runLog.child({ district });
    const work = async (q: Queryable): Promise<DistrictResult> => {
      if (runId && !(await tryLockDistrict(q, config.date, district)))
        throw new KezekError('RUN_LOCKED', `district ${district} is being allocated for ${config.date} by another process`, { district });
      const done = await ledgerEntry(q, config.date, district);
      if (done) {
        const stored = await readStoredDistrict(q, done, config.date);
        dlog.info({ finishedBy: done.runId }, 'district already allocated for this date; read back');
        const lifecycle = await readLapseCounts(q, config.date, district);
        return { summary: { district, inputHash: done.inputHash, resumed: true, ...done.counts, lifecycle }, ...stored };
      }
      const lifecycle = await lapseDistrict(q, district, config.date, calendar, config.rules.parameters, runId ?? 'dry-run');
      let t = performance.now();
      const data = await readDistrict(q, district);
      timings.readMs += performance.now() - t;
      t = performance.now();
      const outcome = await runner.run({ district, date: config.date, places: data.places, applications: data.applications, rules: config.rules });
      const referrals = issueReferrals(outcome.referrals, config.date, config.rules.parameters.confirmWorkingDays, calendar);
      timings.allocateMs += performance.now() - t;
      const inputHash = hashDistrictInput(data);
      if (runId) {
        t = performance.now();
        await storeDistrict(q, { runId, date: config.date, inputHash, outcome, referrals });
        timings.writeMs += performance.now() - t;
      }
      dlog.info({ referrals: referrals.length, queue: outcome.queue.length, refusals: outcome.refusals.length }, 'district allocated');
      return {
        summary: { district, inputHash, resumed: false, ...outcome.counts, lifecycle },
        referrals,
        queue: outcome.queue,
        refusals: outcome.refusals,
      };
    };
    return runId ? db.transaction(work) : inRolledBackTransaction(db, work);
  };

  try {
    const lanes = Math.max(1, Math.min(config.workers, districts.length));
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < districts.length) {
          const i = next++;
          results[i] = await one(districts[i]!);
          flush();
        }
      }),
    );
  } catch (e) {
    if (runId) await finishRun(db, runId, 'failed').catch(() => {});
    await runner.close();
    throw e;
  }
  await runner.close();
  flush();

  const summaries = results.map((r) => r!.summary);
  const summary: RunSummary = {
    date: config.date,
    run: runId,
    dryRun: config.dryRun,
    rules: { version: config.rules.version, effectiveFrom: config.rules.effectiveFrom, hash: config.rules.hash },
    engine: 'reference',
    workers: config.workers,
    inputHash: createHash('sha256').update(summaries.map((s) => `${s.district}:${s.inputHash}`).join('\n')).digest('hex'),
    totals: sumCounts(summaries),
    districts: summaries,
    timings: { totalMs: Math.round(performance.now() - started), ...roundAll(timings) },
  };
  writer.close(summary);
  if (runId) await finishRun(db, runId, 'done');
  runLog.info({ referrals: summary.totals.referrals, queue: summary.totals.queueLeft, ms: summary.timings.totalMs }, 'run finished');
  return summary;
}

/** What the district's allocation was computed from, as a hash (recorded in the ledger). */
export function hashDistrictInput(data: DistrictData): string {
  return createHash('sha256').update(JSON.stringify(data.places)).update('\n').update(JSON.stringify(data.applications)).digest('hex');
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

function roundAll<T extends Record<string, number>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)])) as T;
}

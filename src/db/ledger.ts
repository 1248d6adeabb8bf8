import type { DistrictCounts } from '../domain/outcomes.js';
import type { Queryable } from './database.js';

/** SQL of a night's bookkeeping: the run record, the run claim and locks, the district ledger. */

export interface RunRecord {
  id: string;
  date: string;
  rulesVersion: string;
  rulesHash: string;
  engine: string;
  options: Record<string, unknown>;
}

export async function createRun(db: Queryable, run: RunRecord): Promise<void> {
  await db.query(
    `insert into runs (id, run_date, rules_version, rules_hash, engine, options) values ($1, $2, $3, $4, $5, $6)`,
    [run.id, run.date, run.rulesVersion, run.rulesHash, run.engine, JSON.stringify(run.options)],
  );
}

/** A run ends done (with its summary.json) or failed. */
export async function finishRun(db: Queryable, id: string, status: 'done' | 'failed', summary?: unknown): Promise<void> {
  await db.query(`update runs set status = $2, finished_at = now(), summary = coalesce($3::jsonb, summary) where id = $1`, [
    id,
    status,
    summary === undefined ? null : JSON.stringify(summary),
  ]);
}

/**
 * Runs left `running` by a process that died, marked `interrupted` by the
 * run that has just claimed the slot: with the claim held alone no other run
 * lives; shared, only the other dates' runs are surely dead. (Re-running the
 * date finishes what an interrupted run left.)
 */
export async function markInterrupted(session: Queryable, date: string, shared: boolean): Promise<void> {
  if (shared) await session.query(`update runs set status = 'interrupted' where status = 'running' and run_date <> $1::date`, [date]);
  else await session.query(`update runs set status = 'interrupted' where status = 'running'`);
}

/** All district ids, in byte order. */
export async function allDistricts(db: Queryable): Promise<string[]> {
  return (await db.query<{ id: string }>(`select id from districts order by id collate "C"`)).map((r) => r.id);
}

export interface LedgerEntry {
  district: string;
  runId: string;
  inputHash: string;
  counts: DistrictCounts;
}

/** jsonb does not keep key order; rebuild counts in the order the run writes them. */
export function canonicalCounts(c: DistrictCounts): DistrictCounts {
  const ranks = Object.keys(c.referralsByPreferenceRank).sort((a, b) => Number(a) - Number(b));
  return {
    queued: c.queued,
    refused: c.refused,
    notCandidates: c.notCandidates,
    candidates: c.candidates,
    referrals: c.referrals,
    referralsByCategory: {
      extraordinary: c.referralsByCategory.extraordinary,
      primary: c.referralsByCategory.primary,
      general: c.referralsByCategory.general,
    },
    referralsByPreferenceRank: Object.fromEntries(ranks.map((k) => [k, c.referralsByPreferenceRank[k]!])),
    queueLeft: c.queueLeft,
    seatsOffered: c.seatsOffered,
    seatsLeft: c.seatsLeft,
  };
}

export async function ledgerEntry(db: Queryable, date: string, district: string): Promise<LedgerEntry | null> {
  const rows = await db.query<{ run_id: string; input_hash: string; counts: DistrictCounts }>(
    `select run_id, input_hash, counts from run_districts where run_date = $1 and district_id = $2`,
    [date, district],
  );
  const r = rows[0];
  return r ? { district, runId: r.run_id, inputHash: r.input_hash, counts: canonicalCounts(r.counts) } : null;
}

/**
 * Claims the run slot for a date, on the session the run holds for its whole
 * duration. Runs exclude each other across dates: while any process runs a
 * date, a run of another date is refused (`{ inProgress: thatDate }`). Of the
 * same date, one process runs it, or several that share it (`--share`);
 * otherwise the second is refused too. A process that dies leaves nothing
 * held: the locks are its session's.
 */
export async function claimRun(session: Queryable, date: string, shared: boolean): Promise<{ ok: true } | { ok: false; inProgress: string }> {
  // 1803: a moment's mutex so two claims never interleave; 1804: held (shared) by every
  // live run, whatever its date; 1802: the date's own lock, shared by --share processes.
  await session.query(`select pg_advisory_lock(1803, hashtext(current_schema()))`);
  try {
    const [claim] = await session.query<{ run_date: string }>(`select run_date::text as run_date from run_claim`);
    if (claim && claim.run_date !== date) {
      const [free] = await session.query<{ free: boolean }>(`select pg_try_advisory_lock(1804, hashtext(current_schema())) as free`);
      if (!free?.free) return { ok: false, inProgress: claim.run_date };
      // No run lives: the claim was left by one that died. Let go of the probe.
      await session.query(`select pg_advisory_unlock(1804, hashtext(current_schema()))`);
    }
    const fn = shared ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
    const [own] = await session.query<{ locked: boolean }>(`select ${fn}(1802, hashtext(current_schema() || '/' || $1)) as locked`, [date]);
    if (!own?.locked) return { ok: false, inProgress: date };
    await session.query(`select pg_advisory_lock_shared(1804, hashtext(current_schema()))`);
    await session.query(
      `insert into run_claim (id, run_date) values (1, $1) on conflict (id) do update set run_date = excluded.run_date, claimed_at = now()`,
      [date],
    );
    await markInterrupted(session, date, shared);
    return { ok: true };
  } finally {
    await session.query(`select pg_advisory_unlock(1803, hashtext(current_schema()))`);
  }
}

export async function releaseRun(session: Queryable, date: string, shared: boolean): Promise<void> {
  const fn = shared ? 'pg_advisory_unlock_shared' : 'pg_advisory_unlock';
  await session.query(`select ${fn}(1802, hashtext(current_schema() || '/' || $1)), pg_advisory_unlock_shared(1804, hashtext(current_schema()))`, [date]);
}
/**
 * Takes the (date, district) lock for this transaction, or returns false at
 * once when another process holds it.
 */
export async function tryLockDistrict(tx: Queryable, date: string, district: string): Promise<boolean> {
  const rows = await tx.query<{ locked: boolean }>(
    // The schema is part of the key: kezek instances in other schemas of one server never block each other.
    `select pg_try_advisory_xact_lock(1801, hashtext(current_schema() || '/' || $1 || '/' || $2)) as locked`,
    [date, district],
  );
  return rows[0]?.locked === true;
}

/** A stored run as `kezek runs` and GET /v1/runs show it. */
export interface RunRow {
  id: string;
  date: string;
  /** As stored: running, done, failed or interrupted (a `running` row whose process died is told by `live`). */
  status: string;
  /** ISO instants in Kazakhstan time (+05:00). */
  startedAt: string;
  finishedAt: string | null;
  rulesVersion: string;
  rulesHash: string;
  engine: string;
  options: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  /** Districts this run committed itself (not read back). */
  committed: number;
  /** Its process still holds the run's date lock (a live run holds it for its whole duration). */
  live: boolean;
}

const KZ_INSTANT = (col: string) => `to_char((${col} at time zone 'UTC') + interval '5 hours', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"')`;

/**
 * The runs of the latest `limit` dates (or of one date), newest date first,
 * each date's runs in the order they started. Whether a `running` run lives
 * is told by the locks its session holds (claimRun): advisory lock 1802 on
 * its date, in this database. A killed process's locks go with its
 * connection, and on the embedded database no other process can hold them.
 */
export async function readRuns(db: Queryable, o: { date?: string | undefined; limit?: number | undefined } = {}): Promise<RunRow[]> {
  const rows = await db.query<{
    id: string; date: string; status: string; started_at: string; finished_at: string | null; rules_version: string; rules_hash: string;
    engine: string; options: Record<string, unknown>; summary: Record<string, unknown> | null; committed: number; live: boolean;
  }>(
    `with days as (select distinct run_date from runs where ($1::date is null or run_date = $1::date) order by run_date desc limit $2)
     select r.id, r.run_date::text as date, r.status, ${KZ_INSTANT('r.started_at')} as started_at, ${KZ_INSTANT('r.finished_at')} as finished_at,
            r.rules_version, r.rules_hash, r.engine, r.options, r.summary,
            (select count(*)::int from run_districts d where d.run_id = r.id) as committed,
            exists (select 1 from pg_locks l
                     where l.locktype = 'advisory' and l.granted and l.classid = 1802 and l.objsubid = 2
                       and l.database = (select oid from pg_database where datname = current_database())
                       and l.objid::text::bigint = (hashtext(current_schema() || '/' || r.run_date::text)::bigint & 4294967295)) as live
       from runs r join days using (run_date)
      order by r.run_date desc, r.started_at, r.id`,
    [o.date ?? null, o.limit ?? 30],
  );
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rulesVersion: r.rules_version,
    rulesHash: r.rules_hash,
    engine: r.engine,
    options: r.options,
    summary: r.summary,
    committed: r.committed,
    live: r.live,
  }));
}

/** Of these dates: districts finished (in the ledger) and what step 1 and the age limit did, summed over them. */
export async function readDateTotals(
  db: Queryable,
  dates: readonly string[],
): Promise<Map<string, { districtsDone: number; lifecycle: { lapsed: number; cancelled: number; agedOut: number; seatsReturned: number } }>> {
  const out = new Map<string, { districtsDone: number; lifecycle: { lapsed: number; cancelled: number; agedOut: number; seatsReturned: number } }>();
  if (!dates.length) return out;
  const rows = await db.query<{ date: string; done: number; lapsed: number; cancelled: number; aged_out: number; seats_returned: number }>(
    `select d.run_date::text as date, count(*)::int as done,
            coalesce(sum((l.counts->>'lapsed')::int), 0)::int as lapsed, coalesce(sum((l.counts->>'cancelled')::int), 0)::int as cancelled,
            coalesce(sum((l.counts->>'agedOut')::int), 0)::int as aged_out, coalesce(sum((l.counts->>'seatsReturned')::int), 0)::int as seats_returned
       from run_districts d left join district_lapses l on l.run_date = d.run_date and l.district_id = d.district_id
      where d.run_date = any($1::date[])
      group by d.run_date`,
    [dates],
  );
  for (const r of rows)
    out.set(r.date, { districtsDone: r.done, lifecycle: { lapsed: r.lapsed, cancelled: r.cancelled, agedOut: r.aged_out, seatsReturned: r.seats_returned } });
  return out;
}

/** The districts finished for a date, in byte order of ids (a run folder's order). */
export async function ledgerOfDate(db: Queryable, date: string): Promise<LedgerEntry[]> {
  const rows = await db.query<{ district_id: string; run_id: string; input_hash: string; counts: DistrictCounts }>(
    `select district_id, run_id, input_hash, counts from run_districts where run_date = $1 order by district_id collate "C"`,
    [date],
  );
  return rows.map((r) => ({ district: r.district_id, runId: r.run_id, inputHash: r.input_hash, counts: canonicalCounts(r.counts) }));
}

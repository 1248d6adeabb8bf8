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

export async function finishRun(db: Queryable, id: string, status: 'done' | 'failed'): Promise<void> {
  await db.query(`update runs set status = $2, finished_at = now() where id = $1`, [id, status]);
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

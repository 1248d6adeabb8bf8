import type { DistrictCounts, LapseCounts } from '../domain/outcomes.js';
import type { Queryable } from './database.js';
import { canonicalCounts } from './ledger.js';

/** Reads of the nightly runs as the database holds them (the runs table and the district ledger), for the online service. */

export interface RunRow {
  id: string;
  date: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  /** Wall time of a finished run, in milliseconds. */
  durationMs: number | null;
  rules: { version: string; hash: string };
  engine: string;
  options: Record<string, unknown>;
  /** Districts this run allocated and committed (not those it read back). */
  districtsDone: number;
}

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const RUNS = `select r.id, r.run_date::text as run_date, r.status, to_char(r.started_at at time zone 'UTC', ${UTC}) as started_at,
    to_char(r.finished_at at time zone 'UTC', ${UTC}) as finished_at,
    (extract(epoch from (r.finished_at - r.started_at)) * 1000)::bigint as duration_ms,
    r.rules_version, r.rules_hash, r.engine, r.options,
    (select count(*)::int from run_districts d where d.run_id = r.id) as districts_done
  from runs r`;

interface Row {
  id: string;
  run_date: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: string | number | null;
  rules_version: string;
  rules_hash: string;
  engine: string;
  options: Record<string, unknown>;
  districts_done: number;
}

const toRun = (r: Row): RunRow => ({
  id: r.id,
  date: r.run_date,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
  rules: { version: r.rules_version, hash: r.rules_hash },
  engine: r.engine,
  options: r.options,
  districtsDone: r.districts_done,
});

/** The latest runs first (by start). */
export async function latestRuns(q: Queryable, limit: number): Promise<RunRow[]> {
  return (await q.query<Row>(`${RUNS} order by r.started_at desc, r.id collate "C" limit $1`, [limit])).map(toRun);
}

/** The runs of one date, in the order they started. */
export async function runsOfDate(q: Queryable, date: string): Promise<RunRow[]> {
  return (await q.query<Row>(`${RUNS} where r.run_date = $1 order by r.started_at, r.id collate "C"`, [date])).map(toRun);
}

export interface LedgerDistrict {
  district: string;
  runId: string;
  inputHash: string;
  finishedAt: string;
  counts: DistrictCounts;
  lifecycle: LapseCounts;
}

/** Every district the ledger holds for the date, in byte order of ids, with what step 1 did there. */
export async function ledgerOfDate(q: Queryable, date: string): Promise<LedgerDistrict[]> {
  const rows = await q.query<{ district_id: string; run_id: string; input_hash: string; finished_at: string; counts: DistrictCounts; lapses: Partial<LapseCounts> | null }>(
    `select d.district_id, d.run_id, d.input_hash, to_char(d.finished_at at time zone 'UTC', ${UTC}) as finished_at, d.counts, l.counts as lapses
       from run_districts d left join district_lapses l on l.run_date = d.run_date and l.district_id = d.district_id
      where d.run_date = $1
      order by d.district_id collate "C"`,
    [date],
  );
  return rows.map((r) => ({
    district: r.district_id,
    runId: r.run_id,
    inputHash: r.input_hash,
    finishedAt: r.finished_at,
    counts: canonicalCounts(r.counts),
    lifecycle: { lapsed: r.lapses?.lapsed ?? 0, cancelled: r.lapses?.cancelled ?? 0, agedOut: r.lapses?.agedOut ?? 0, seatsReturned: r.lapses?.seatsReturned ?? 0 },
  }));
}

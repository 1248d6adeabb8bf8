import type { LapseCounts } from '../domain/outcomes.js';
import type { Queryable } from './database.js';

/** SQL of step 1's record in a district: its counts and its lapses.ndjson lines, read back on a re-run. */

export async function storeLapses(q: Queryable, date: string, district: string, counts: LapseCounts, lines: string): Promise<void> {
  await q.query(`insert into district_lapses (run_date, district_id, counts, lines) values ($1, $2, $3, $4)`, [date, district, JSON.stringify(counts), lines]);
}

/** What step 1 did in a finished district (zeros and no lines when nothing was recorded). */
export async function readLapses(q: Queryable, date: string, district: string): Promise<{ counts: LapseCounts; lines: string }> {
  const rows = await q.query<{ counts: LapseCounts; lines: string | null }>(
    `select counts, lines from district_lapses where run_date = $1 and district_id = $2`,
    [date, district],
  );
  const c = rows[0]?.counts;
  return {
    counts: { lapsed: c?.lapsed ?? 0, cancelled: c?.cancelled ?? 0, agedOut: c?.agedOut ?? 0, seatsReturned: c?.seatsReturned ?? 0 },
    lines: rows[0]?.lines ?? '',
  };
}

/** Of these applications, those restored once already (a second lapse is final: no restore window). */
export async function restoredBefore(q: Queryable, district: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: string }>(
    `select id from applications where district_id = $1 and (id collate "C") = any($2::text[]) and restored_on is not null`,
    [district, ids],
  );
  return new Set(rows.map((r) => r.id));
}

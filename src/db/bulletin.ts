import type { GroupType, Language } from '../domain/types.js';
import type { Queryable } from './database.js';

/** SQL of the public numbers: free seats by group (the vacancy bulletin) and the queue's counts. Nothing personal. */

export interface FreeGroupRow {
  district: string;
  kindergarten: string;
  kindergartenName: string;
  group: string;
  birthYear: number;
  language: Language;
  groupType: GroupType;
  freeSeats: number;
}

/**
 * Groups with free seats (reported minus live referrals), by district,
 * kindergarten and group in byte order: now, or at the end of day `on` (what
 * the seat history records after that day taken back: every change of a
 * group's free seats is a seat event with its seats before and after).
 */
export async function freeGroups(db: Queryable, districts: readonly string[], on: string | null = null): Promise<FreeGroupRow[]> {
  const rows = await db.query<{
    district_id: string; kindergarten_id: string; name: string; group_id: string; birth_year: number; language: Language; group_type: GroupType; free_seats: number;
  }>(
    `with later as (
       select kindergarten_id, group_id, sum(free_after - coalesce(free_before, 0))::int as delta
         from seat_events
        where $2::date is not null and coalesce(effective_on, ((at at time zone 'UTC') + interval '5 hours')::date) > $2::date
        group by kindergarten_id, group_id)
     select k.district_id, f.kindergarten_id, k.name, f.group_id, f.birth_year, f.language, f.group_type, f.free_seats - coalesce(l.delta, 0) as free_seats
       from places_free f join kindergartens k on k.id = f.kindergarten_id
       left join later l on l.kindergarten_id = f.kindergarten_id and l.group_id = f.group_id
      where f.free_seats - coalesce(l.delta, 0) > 0 and (cardinality($1::text[]) = 0 or k.district_id = any($1::text[]))
      order by k.district_id collate "C", f.kindergarten_id collate "C", f.group_id collate "C"`,
    [districts, on],
  );
  return rows.map((r) => ({
    district: r.district_id,
    kindergarten: r.kindergarten_id,
    kindergartenName: r.name,
    group: r.group_id,
    birthYear: r.birth_year,
    language: r.language,
    groupType: r.group_type,
    freeSeats: r.free_seats,
  }));
}

export interface DistrictRow {
  id: string;
  name: string;
  region: string | null;
}

export async function districtList(db: Queryable): Promise<DistrictRow[]> {
  return db.query<DistrictRow>(`select id, name, region from districts order by region collate "C" nulls last, id collate "C"`);
}

export interface CohortCount {
  birthYear: number;
  extraordinary: number;
  primary: number;
  general: number;
}

/** The queue the district's latest stored night left, per cohort and category, and that night's date. */
export async function latestQueueCounts(db: Queryable, district: string): Promise<{ runDate: string | null; cohorts: CohortCount[] }> {
  const rows = await db.query<{ run_date: string; birth_year: number; e: number; p: number; g: number }>(
    `select q.run_date::text as run_date, q.birth_year,
            length(q.categories) - length(replace(q.categories, 'e', '')) as e,
            length(q.categories) - length(replace(q.categories, 'p', '')) as p,
            length(q.categories) - length(replace(q.categories, 'g', '')) as g
       from queue_cohorts q
      where q.district_id = $1 and q.run_date = (select max(run_date) from run_districts where district_id = $1)
      order by q.birth_year`,
    [district],
  );
  return {
    runDate: rows[0]?.run_date ?? (await latestRunDate(db, district)),
    cohorts: rows.map((r) => ({ birthYear: r.birth_year, extraordinary: r.e, primary: r.p, general: r.g })),
  };
}

async function latestRunDate(db: Queryable, district: string): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>(`select max(run_date)::text as d from run_districts where district_id = $1`, [district]);
  return r?.d ?? null;
}

/** The referrals the district's latest stored night issued, by category and by preference rank. */
export async function latestReferralCounts(db: Queryable, district: string): Promise<{ byCategory: Record<string, number>; byPreferenceRank: Record<string, number> }> {
  const rows = await db.query<{ category: string; preference_rank: number; n: number }>(
    `select category, preference_rank, count(*)::int as n from referrals
      where district_id = $1 and run_date = (select max(run_date) from run_districts where district_id = $1)
      group by category, preference_rank`,
    [district],
  );
  const byCategory: Record<string, number> = { extraordinary: 0, primary: 0, general: 0 };
  const byPreferenceRank: Record<string, number> = {};
  for (const r of rows) {
    byCategory[r.category] = (byCategory[r.category] ?? 0) + r.n;
    byPreferenceRank[r.preference_rank] = (byPreferenceRank[r.preference_rank] ?? 0) + r.n;
  }
  return { byCategory, byPreferenceRank };
}

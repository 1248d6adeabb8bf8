import type { Queryable } from './database.js';

/**
 * SQL of the versions the online service keeps per cohort (district, birth
 * year), so that every server process knows when its copy of a cohort's queue
 * is stale: raised in the transaction of each change the service makes to the
 * cohort, and combined with the district's count of nights (a night commits a
 * district's whole queue at once, with its ledger row).
 */
/** Raises the cohort's version in the caller's transaction; returns the new one. */
export async function raiseCohortVersion(tx: Queryable, district: string, birthYear: number): Promise<number> {
  const rows = await tx.query<{ version: string | number }>(
    `insert into cohort_versions (district_id, birth_year, version) values ($1, $2, 1)
     on conflict (district_id, birth_year) do update set version = cohort_versions.version + 1
     returning version`,
    [district, birthYear],
  );
  return Number(rows[0]!.version);
}

/**
 * The token of the cohort of the application row `a` (district_id, child_birth_date),
 * as an SQL expression: equal tokens, equal queues (for the changes made through the
 * service and by nights).
 */
export const COHORT_TOKEN = `(coalesce((select v.version from cohort_versions v
       where v.district_id = a.district_id and v.birth_year = extract(year from a.child_birth_date)::int), 0)::text
    || '/' || (select count(*) from run_districts r where r.district_id = a.district_id)::text)`;

/** What the cohort's queue is as of now, as a token (see COHORT_TOKEN). */
export async function cohortToken(q: Queryable, district: string, birthYear: number): Promise<string> {
  const rows = await q.query<{ token: string }>(
    `select coalesce((select version from cohort_versions where district_id = $1 and birth_year = $2), 0)::text
            || '/' || (select count(*) from run_districts where district_id = $1)::text as token`,
    [district, birthYear],
  );
  return rows[0]?.token ?? '';
}

/**
 * What each cohort's queue of a district is, as a fingerprint per birth year
 * (count, and the sum of the rows' last-change instants): any change by
 * anyone (an import, the command line) changes it. One scan of the district
 * for all its cohorts: the servers check their copies with it every few
 * seconds, in the background, for the changes the versions do not see.
 */
export async function districtFingerprints(q: Queryable, district: string, birthYear?: number): Promise<Map<number, string>> {
  const rows = await q.query<{ y: number; n: string | number; s: string | null }>(
    `select extract(year from child_birth_date)::int as y, count(*) as n, sum((extract(epoch from updated_at) * 1000000)::bigint)::text as s
       from applications
      where district_id = $1 and status = 'queued'${birthYear === undefined ? '' : ' and child_birth_date >= make_date($2, 1, 1) and child_birth_date < make_date($2 + 1, 1, 1)'}
      group by 1`,
    birthYear === undefined ? [district] : [district, birthYear],
  );
  return new Map(rows.map((r) => [r.y, `${r.n}/${r.s ?? ''}`]));
}

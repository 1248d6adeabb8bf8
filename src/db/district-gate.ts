import type { Queryable } from './database.js';

/**
 * SQL that keeps a write of the online service and a district's nightly
 * transaction apart (api.md, "During a nightly run"). A district's night
 * holds its places rows `for share` from the moment it reads them until it
 * commits (freePlaces); this takes one of those rows `for no key update`, the
 * weakest lock that conflicts. So a write either waits for the district's
 * transaction to commit (at most `waitMs`, then PostgreSQL's lock_timeout,
 * 55P03), or, when it comes first, makes the night wait the few milliseconds
 * until it commits, and the night then reads the queue with it. Either way the
 * night allocates the queue as its transaction read it, and no write lands
 * between its read and its store. It must be the transaction's first lock:
 * nothing the night wants is held while it waits. A district without places
 * has nothing to allocate and needs no gate.
 */
export async function holdDistrictFromRun(tx: Queryable, district: string, waitMs: number): Promise<void> {
  await tx.query(`select set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.round(waitMs))}ms`]);
  await tx.query(
    `select 1 from places p join kindergartens k on k.id = p.kindergarten_id
      where k.district_id = $1
      order by p.kindergarten_id collate "C", p.group_id collate "C" limit 1
        for no key update of p`,
    [district],
  );
}

/**
 * The same gate taken only if it is free now: one of the district's places
 * rows that no transaction holds, locked at once (SKIP LOCKED). 'taken' when
 * one was, or when the district has no places (it needs no gate); 'held'
 * when every row is held, by the district's nightly transaction (or, in a
 * district with few groups, by writes of the moment): the caller then waits
 * with holdDistrictFromRun, or answers at once that the night holds it.
 */
export async function tryHoldDistrict(tx: Queryable, district: string): Promise<'taken' | 'held'> {
  const [row] = await tx.query<{ taken: number; any: boolean }>(
    `with first as (
       select 1 from places p join kindergartens k on k.id = p.kindergarten_id
        where k.district_id = $1
        order by p.kindergarten_id collate "C", p.group_id collate "C" limit 1
          for no key update of p skip locked)
     select (select count(*)::int from first) as taken,
            exists (select 1 from places p join kindergartens k on k.id = p.kindergarten_id where k.district_id = $1) as any`,
    [district],
  );
  return row && (row.taken > 0 || !row.any) ? 'taken' : 'held';
}

/** PostgreSQL's "lock not available" (lock_timeout expired). */
export function isLockTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '55P03';
}

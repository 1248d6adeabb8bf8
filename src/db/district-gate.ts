import type { Queryable } from './database.js';

/**
 * SQL that keeps a write of the online service and a district's nightly
 * transaction apart (api.md, "During a nightly run"). A district's night
 * holds its places rows `for share` from the moment it reads them until it
 * commits (freePlaces); this takes one of those rows `for no key update`, the
 * weakest lock that conflicts. So a write either waits for the district's
 * transaction to commit (as long as boundLockWaits allows, then PostgreSQL's
 * lock_timeout, 55P03), or, when it comes first, makes the night wait the few milliseconds
 * until it commits, and the night then reads the queue with it. Either way the
 * night allocates the queue as its transaction read it, and no write lands
 * between its read and its store. It must be the transaction's first lock:
 * nothing the night wants is held while it waits. A district without places
 * has nothing to allocate and needs no gate.
 */
export async function holdDistrictFromRun(tx: Queryable, district: string): Promise<void> {
  // The row is the district's first in the night's order (kindergarten, then group, as "C"), found
  // through the district's kindergartens and the places key: a few index reads, not a scan of
  // every place (the night's first row, so a night that comes second waits before it holds any other).
  await tx.query(
    `select 1 from places p
      where p.kindergarten_id = (select k.id from kindergartens k
                                  where k.district_id = $1 and exists (select 1 from places q where q.kindergarten_id = k.id)
                                  order by k.id collate "C" limit 1)
      order by p.group_id collate "C" limit 1
        for no key update of p`,
    [district],
  );
}

/**
 * Bounds the transaction's lock waits to `waitMs` (then PostgreSQL's
 * lock_timeout, 55P03), and tells whether a nightly run is doing the
 * district right now: its transaction holds the district's run lock
 * (ledger.ts's tryLockDistrict, taken before it reads anything), seen in
 * pg_locks without taking or waiting for any lock, so a write can tell a
 * night's long hold from other writes' short ones. One round trip.
 */
export async function boundLockWaits(tx: Queryable, waitMs: number, district: string | null): Promise<{ heldByRun: boolean }> {
  const [row] = await tx.query<{ held: boolean }>(
    `select set_config('lock_timeout', $1, true) as lock_timeout, $2::text is not null and exists (
       select 1 from runs r join pg_locks l
         on l.locktype = 'advisory' and l.granted and l.classid = 1801 and l.objsubid = 2
        and l.database = (select oid from pg_database where datname = current_database())
        and l.objid = ((hashtext(current_schema() || '/' || r.run_date::text || '/' || $2)::bigint + 4294967296) % 4294967296)::oid
        where r.status = 'running') as held`,
    [`${Math.max(1, Math.round(waitMs))}ms`, district],
  );
  return { heldByRun: row?.held === true };
}

/** PostgreSQL's "lock not available" (lock_timeout expired). */
export function isLockTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '55P03';
}

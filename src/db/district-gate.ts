import type { Queryable } from './database.js';

/**
 * SQL that keeps a write of the online service and a district's nightly
 * transaction apart (api.md, "During a nightly run"). A district's night
 * holds its places rows `for share` from the moment it reads them until it
 * commits (freePlaces); this takes one of those rows `for no key update`, the
 * weakest lock that conflicts. So a write either waits for the district's
 * transaction to commit (as long as enterDistrictGate allows, then PostgreSQL's
 * lock_timeout, 55P03), or, when it comes first, makes the night wait the few milliseconds
 * until it commits, and the night then reads the queue with it. Either way the
 * night allocates the queue as its transaction read it, and no write lands
 * between its read and its store. It must be the transaction's first lock:
 * nothing the night wants is held while it waits. A district without places
 * has nothing to allocate and needs no gate.
 */
export async function holdDistrictFromRun(tx: Queryable, district: string): Promise<void> {
  await tx.query(gateRow('$1', 'true'), [district]);
}

/**
 * The district's gate row taken `for no key update` (see holdDistrictFromRun), when `when` (an SQL
 * condition) holds. The row is the district's first in the night's order (kindergarten, then group,
 * as "C"), found through the district's kindergartens and the places key: a few index reads, not a
 * scan of every place (the night's first row, so a night that comes second waits before it holds
 * any other). A row is locked only as it leaves the filter: when `when` is false, none is.
 */
function gateRow(district: string, when: string): string {
  return `select 1 from places p
      where ${when} and p.kindergarten_id = (select k.id from kindergartens k
                                  where k.district_id = ${district} and exists (select 1 from places q where q.kindergarten_id = k.id)
                                  order by k.id collate "C" limit 1)
      order by p.group_id collate "C" limit 1
        for no key update of p`;
}

/**
 * A write's first statement: bounds the transaction's lock waits to `waitMs`
 * (then PostgreSQL's lock_timeout, 55P03), tells whether a nightly run is
 * doing the district right now, and when none is, holds the district
 * against its night (holdDistrictFromRun) in the same round trip.
 * A night doing the district holds its run lock (ledger.ts's tryLockDistrict,
 * taken before it reads anything), seen in pg_locks without taking or
 * waiting for any lock, so a write can tell a night's long hold from other
 * writes' short ones: `heldByRun` writes are not held yet (the caller decides
 * whether to wait, then calls holdDistrictFromRun); the others are, or wait
 * here for another write's commit (a night that starts in between is waited
 * for too, at most `waitMs`). The lock timeout is set before any lock is
 * waited for: in the statement's first part, whose row the gate row's filter reads.
 */
export async function enterDistrictGate(tx: Queryable, waitMs: number, district: string | null): Promise<{ heldByRun: boolean }> {
  const [row] = await tx.query<{ held: boolean }>(
    `with h as materialized (
       select set_config('lock_timeout', $1, true) as lock_timeout, $2::text is not null and exists (
         select 1 from runs r join pg_locks l
           on l.locktype = 'advisory' and l.granted and l.classid = 1801 and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.objid = ((hashtext(current_schema() || '/' || r.run_date::text || '/' || $2)::bigint + 4294967296) % 4294967296)::oid
          where r.status = 'running') as held)
     select h.held from h left join lateral (${gateRow('$2', 'not h.held')}) g on true`,
    [`${Math.max(1, Math.round(waitMs))}ms`, district],
  );
  return { heldByRun: row?.held === true };
}

/** PostgreSQL's "lock not available" (lock_timeout expired). */
export function isLockTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '55P03';
}

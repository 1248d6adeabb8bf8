import type { Queryable } from './database.js';

/**
 * Benchmarks run the same night again and again on one loaded data set:
 * undo every run (referrals, numbers, statuses; seats are derived from the
 * reported ones and the live referrals, so they come back with them) before each measured run; the events of undone runs stay (the
 * audit trail is append-only). The tables are then vacuumed, so that every measured
 * run starts from the same state, as on a database autovacuum has been through
 * (the first run after a bulk load otherwise also sets the hint bits of every page it reads).
 */
export async function undoRuns(db: Queryable): Promise<void> {
  await db.query(`update applications a set status = 'queued' from referrals r where r.application_id = a.id and a.status = 'offered'`);
  await db.query(`update applications a set status = 'queued' from events e where e.entity = 'application' and e.entity_id = a.id and e.to_status = 'aged_out' and e.actor like 'run-%' and a.status = 'aged_out'`);
  await db.query(`truncate referrals, queue_cohorts, refusals, run_districts, district_lapses, district_audits`);
  await db.query(`delete from runs`);
  await db.query(`vacuum analyze applications, places`);
  await db.query(`analyze application_details (child_iin)`);
}

import type { Right } from '../domain/types.js';
import type { Queryable } from './database.js';

/** Reads for an application's queue numbers night after night (`position --history`): the stored cohorts and what happened between nights. */

/** One night's stored cohort: the applications in queue order and their categories, one letter each (e, p, g). */
export interface CohortNight {
  runDate: string;
  ids: string[];
  categories: string;
}

/** The stored cohorts of a district's birth year from `from` on, oldest first. */
export async function cohortNights(q: Queryable, district: string, birthYear: number, from: string): Promise<CohortNight[]> {
  const rows = await q.query<{ run_date: string; application_ids: string[]; categories: string }>(
    `select run_date::text as run_date, application_ids, categories from queue_cohorts
      where district_id = $1 and birth_year = $2 and run_date >= $3 order by run_date`,
    [district, birthYear, from],
  );
  return rows.map((r) => ({ runDate: r.run_date, ids: r.application_ids, categories: r.categories }));
}

/** The dates the district was allocated (its ledger), from `from` on, oldest first. */
export async function districtNights(q: Queryable, district: string, from: string): Promise<string[]> {
  const rows = await q.query<{ run_date: string }>(`select run_date::text as run_date from run_districts where district_id = $1 and run_date >= $2 order by run_date`, [district, from]);
  return rows.map((r) => r.run_date);
}

/** The first night the application was numbered, or null. */
export async function firstNumberedNight(q: Queryable, application: string, district: string, birthYear: number): Promise<string | null> {
  const rows = await q.query<{ run_date: string }>(
    `select run_date::text as run_date from queue_cohorts
      where district_id = $1 and birth_year = $2 and $3::text = any(application_ids) order by run_date limit 1`,
    [district, birthYear, application],
  );
  return rows[0]?.run_date ?? null;
}

/** What is known now of applications whose place relative to another changed. */
export interface ApplicationFacts {
  id: string;
  status: string;
  /** Registration day in Kazakhstan (UTC+05:00). */
  registeredOn: string;
  desiredFrom: string;
  stopListUntil: string | null;
  rights: Right[];
  unprovenRights: Right[];
}

export async function applicationFacts(q: Queryable, ids: readonly string[]): Promise<Map<string, ApplicationFacts>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{
    id: string; status: string; registered_on: string; desired_from: string; stop_list_until: string | null; rights: Right[]; unproven_rights: Right[] | null;
  }>(
    `select id, status, ((registered_at at time zone 'UTC') + interval '5 hours')::date::text as registered_on,
            desired_from::text as desired_from, stop_list_until::text as stop_list_until, rights, unproven_rights
       from applications where id = any($1::text[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, status: r.status, registeredOn: r.registered_on, desiredFrom: r.desired_from, stopListUntil: r.stop_list_until, rights: r.rights, unprovenRights: r.unproven_rights ?? [] },
    ]),
  );
}

/** A status change of an application on a business day. */
export interface StatusChange {
  id: string;
  on: string;
  from: string | null;
  to: string;
}

/** The status changes of the applications with a business day after `after`, up to and including `upTo`, in order. */
export async function statusChanges(q: Queryable, ids: readonly string[], after: string, upTo: string): Promise<StatusChange[]> {
  if (!ids.length) return [];
  const rows = await q.query<{ id: string; on_day: string; from_status: string | null; to_status: string }>(
    `select entity_id as id, coalesce(effective_on, ((at at time zone 'UTC') + interval '5 hours')::date)::text as on_day, from_status, to_status
       from events
      where entity = 'application' and (entity_id collate "C") = any($1::text[])
        and coalesce(effective_on, ((at at time zone 'UTC') + interval '5 hours')::date) > $2
        and coalesce(effective_on, ((at at time zone 'UTC') + interval '5 hours')::date) <= $3
      order by id`,
    [[...new Set(ids)], after, upTo],
  );
  return rows.map((r) => ({ id: r.id, on: r.on_day, from: r.from_status, to: r.to_status }));
}

/** Nightly refusals of the applications on nights after `after` up to and including `upTo`. */
export async function refusalsBetween(q: Queryable, ids: readonly string[], after: string, upTo: string): Promise<{ id: string; on: string; reasons: string[] }[]> {
  if (!ids.length) return [];
  const rows = await q.query<{ id: string; on_day: string; reasons: string[] }>(
    `select application_id as id, run_date::text as on_day, reasons from refusals
      where application_id = any($1::text[]) and run_date > $2 and run_date <= $3 order by run_date`,
    [[...new Set(ids)], after, upTo],
  );
  return rows.map((r) => ({ id: r.id, on: r.on_day, reasons: r.reasons }));
}

/** Referrals issued to the applications by the nights after `after` up to and including `upTo` (the night's run date). */
export async function referralsBetween(q: Queryable, ids: readonly string[], after: string, upTo: string): Promise<{ id: string; on: string }[]> {
  if (!ids.length) return [];
  const rows = await q.query<{ id: string; on_day: string }>(
    `select application_id as id, run_date::text as on_day from referrals
      where application_id = any($1::text[]) and run_date > $2 and run_date <= $3 order by run_date, id`,
    [[...new Set(ids)], after, upTo],
  );
  return rows.map((r) => ({ id: r.id, on: r.on_day }));
}

import type { Right } from '../domain/types.js';
import type { Queryable } from './database.js';

/** Reads for the family's documents and answers: who the child is, names of places, lifecycle dates, what a night touched. */

/** The application's lifecycle fields beside its queue data, and the business day its status was last set. */
export interface ApplicationLife {
  status: string;
  inactiveSince: string | null;
  restoredOn: string | null;
  stopListUntil: string | null;
  /** Priority rights set aside when not proven in time. */
  unprovenRights: Right[];
  /**
   * The business day the current status was set (its latest event's effective date), or null when
   * that event has none (an import, a nightly referral): then only the lifecycle's own dates tell.
   */
  statusSince: string | null;
  /** The registration day in Kazakhstan (UTC+05:00). */
  registeredOn: string;
}

export async function applicationLife(q: Queryable, id: string): Promise<ApplicationLife | null> {
  const rows = await q.query<{
    status: string; inactive_since: string | null; restored_on: string | null; stop_list_until: string | null;
    unproven_rights: Right[] | null; status_since: string | null; registered_on: string;
  }>(
    `select a.status, a.inactive_since::text as inactive_since, a.restored_on::text as restored_on,
            a.stop_list_until::text as stop_list_until, a.unproven_rights,
            ((a.registered_at at time zone 'UTC') + interval '5 hours')::date::text as registered_on,
            (select e.effective_on::text
               from events e
              where (e.entity_id collate "C") = $1 and e.entity = 'application' and e.to_status = a.status
              order by e.id desc limit 1) as status_since
       from applications a where a.id = $1`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        status: r.status,
        inactiveSince: r.inactive_since,
        restoredOn: r.restored_on,
        stopListUntil: r.stop_list_until,
        unprovenRights: r.unproven_rights ?? [],
        statusSince: r.status_since,
        registeredOn: r.registered_on,
      }
    : null;
}

/** Personal data for the family's own document: the child's and the applicant's names (never logged). */
export interface ChildDetails {
  childName: string | null;
  applicantName: string | null;
}

export async function childDetails(q: Queryable, id: string): Promise<ChildDetails> {
  const rows = await q.query<{ child_name: string | null; applicant_name: string | null }>(
    `select child_name, applicant_name from application_details where id = $1`,
    [id],
  );
  return { childName: rows[0]?.child_name ?? null, applicantName: rows[0]?.applicant_name ?? null };
}

export async function districtName(q: Queryable, id: string): Promise<string | null> {
  const rows = await q.query<{ name: string }>(`select name from districts where id = $1`, [id]);
  return rows[0]?.name ?? null;
}

/** Kindergarten names by id (an unknown id is left out). */
export async function kindergartenNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: string; name: string }>(`select id, name from kindergartens where id = any($1::text[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The reasons of the latest nightly refusal of the application on or before the date, or null. */
export async function nightlyRefusal(q: Queryable, id: string, date: string): Promise<{ runDate: string; reasons: string[] } | null> {
  const rows = await q.query<{ run_date: string; reasons: string[] }>(
    `select run_date::text as run_date, reasons from refusals where application_id = $1 and run_date <= $2 order by run_date desc limit 1`,
    [id, date],
  );
  return rows[0] ? { runDate: rows[0].run_date, reasons: rows[0].reasons } : null;
}

/** The applications of a child (by IIN), oldest registration first. */
export async function applicationsOfChild(q: Queryable, childIin: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select d.id from application_details d join applications a on a.id = d.id where d.child_iin = $1 order by a.registered_at_us, d.id collate "C"`,
    [childIin],
  );
  return rows.map((r) => r.id);
}

/** What a night's run did to one application. */
export type TouchKind = 'referred' | 'numbered' | 'refused' | 'lapsed' | 'cancelled';

export interface Touched {
  application: string;
  district: string;
  kinds: TouchKind[];
}

/**
 * Every application the stored run of `date` touched, in district and id
 * order: referred, numbered, refused (aged out included), or its referral
 * lapsed or cancelled in step 1. Empty when no run of that date is stored.
 */
export async function touchedByRun(q: Queryable, date: string, districts: readonly string[] = []): Promise<Touched[]> {
  const rows = await q.query<{ application: string; district: string; kind: TouchKind }>(
    `with run_ids as (select id from runs where run_date = $1),
     touched as (
       select application_id as application, district_id as district, 'referred' as kind from referrals where run_date = $1
       union all
       select x.application_id, q.district_id, 'numbered' from queue_cohorts q, unnest(q.application_ids) as x(application_id) where q.run_date = $1
       union all
       select application_id, district_id, 'refused' from refusals where run_date = $1
       union all
       select e.entity_id, a.district_id, case when e.to_status = 'inactive' then 'lapsed' else 'cancelled' end
         from events e join applications a on a.id = e.entity_id
        where e.entity = 'application' and e.effective_on = $1 and e.actor in (select id from run_ids)
          and e.from_status in ('offered', 'confirmed') and e.to_status in ('inactive', 'queued')
     )
     select application, district, kind from touched
      where cardinality($2::text[]) = 0 or district = any($2::text[])
      order by district collate "C", application collate "C", kind`,
    [date, [...districts]],
  );
  const out: Touched[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.application === r.application && last.district === r.district) {
      if (!last.kinds.includes(r.kind)) last.kinds.push(r.kind);
    } else out.push({ application: r.application, district: r.district, kinds: [r.kind] });
  }
  return out;
}

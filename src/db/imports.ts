import type { ApplicationRecord, DistrictRecord, KindergartenRecord, PlaceRecord } from '../input/validate.js';
import type { Queryable } from './database.js';

/**
 * Upserts for `kezek import`. Each batch goes as one JSON array parameter
 * expanded with jsonb_to_recordset, so one statement writes a whole batch on
 * both PostgreSQL and PGlite.
 */
export async function knownDistricts(db: Queryable): Promise<Set<string>> {
  return new Set((await db.query<{ id: string }>('select id from districts')).map((r) => r.id));
}

export async function knownKindergartens(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; district_id: string }>('select id, district_id from kindergartens');
  return new Map(rows.map((r) => [r.id, r.district_id]));
}

export async function upsertDistricts(db: Queryable, rows: readonly DistrictRecord[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `insert into districts (id, name, region, raw)
     select id, name, region, raw from jsonb_to_recordset($1::jsonb) as x(id text, name text, region text, raw jsonb)
     on conflict (id) do update set name = excluded.name, region = excluded.region, raw = excluded.raw, updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

export async function upsertKindergartens(db: Queryable, rows: readonly KindergartenRecord[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `insert into kindergartens (id, district_id, name, languages, raw)
     select id, district, name, array(select jsonb_array_elements_text(languages)), raw
       from jsonb_to_recordset($1::jsonb) as x(id text, district text, name text, languages jsonb, raw jsonb)
     on conflict (id) do update set district_id = excluded.district_id, name = excluded.name,
       languages = excluded.languages, raw = excluded.raw, updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

/** Sets the free seats of each named group (rows of one group were summed before). */
export async function upsertPlaces(db: Queryable, rows: readonly PlaceRecord[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `insert into places (kindergarten_id, group_id, birth_year, language, group_type, seats)
     select kindergarten, "group", "birthYear", language, "groupType", seats
       from jsonb_to_recordset($1::jsonb) as x(kindergarten text, "group" text, "birthYear" int, language text, "groupType" text, seats int)
     on conflict (kindergarten_id, group_id) do update set birth_year = excluded.birth_year, language = excluded.language,
       group_type = excluded.group_type, seats = excluded.seats, updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

/**
 * Upserts applications and logs each status change as an event. A line with
 * no `status` leaves an existing application's status as it is (a re-import
 * must not put an offered child back in the queue).
 */
export async function upsertApplications(db: Queryable, rows: readonly ApplicationRecord[], actor: string): Promise<void> {
  if (!rows.length) return;
  const payload = rows.map((r) => ({
    id: r.id,
    district_id: r.district,
    child_iin: r.childIin,
    child_birth_date: r.birthDate,
    child_name: r.childName,
    applicant_iin: r.applicantIin,
    applicant_name: r.applicantName,
    applicant_relation: r.relation,
    registered_at: r.registeredAt,
    registered_at_us: r.registeredAtUs,
    channel: r.channel,
    preferences: r.preferences,
    accept_any: r.acceptAnyInDistrict,
    language: r.language,
    group_type: r.groupType,
    desired_from: r.desiredFrom,
    stop_list_until: r.stopListUntil,
    rights: r.rights,
    status: r.status,
    status_given: r.statusGiven,
    raw: r.raw,
  }));
  await db.query(
    `with input as (
       select x.*, coalesce(case when x.status_given then x.status end, a.status, x.status) as new_status, a.status as old_status
         from jsonb_to_recordset($1::jsonb) as x(
           id text, district_id text, child_iin text, child_birth_date date, child_name text, applicant_iin text,
           applicant_name text, applicant_relation text, registered_at timestamptz, registered_at_us float8, channel text,
           preferences jsonb, accept_any boolean, language text, group_type text, desired_from date, stop_list_until date,
           rights jsonb, status text, status_given boolean, raw jsonb)
         left join applications a on a.id = x.id
     ), up as (
       insert into applications (id, district_id, child_birth_date, registered_at, registered_at_us, channel, preferences,
         accept_any, language, group_type, desired_from, stop_list_until, rights, status)
       select id, district_id, child_birth_date, registered_at, registered_at_us, channel,
         array(select jsonb_array_elements_text(preferences)), accept_any, language, group_type, desired_from, stop_list_until,
         rights, new_status
         from input
       on conflict (id) do update set district_id = excluded.district_id, child_birth_date = excluded.child_birth_date,
         registered_at = excluded.registered_at, registered_at_us = excluded.registered_at_us, channel = excluded.channel,
         preferences = excluded.preferences, accept_any = excluded.accept_any, language = excluded.language,
         group_type = excluded.group_type, desired_from = excluded.desired_from, stop_list_until = excluded.stop_list_until,
         rights = excluded.rights, status = excluded.status, updated_at = now()
       returning id
     ), details as (
       insert into application_details (id, child_iin, child_name, applicant_iin, applicant_name, applicant_relation, raw)
       select i.id, i.child_iin, i.child_name, i.applicant_iin, i.applicant_name, i.applicant_relation, i.raw
         from input i join up on up.id = i.id
       on conflict (id) do update set child_iin = excluded.child_iin, child_name = excluded.child_name,
         applicant_iin = excluded.applicant_iin, applicant_name = excluded.applicant_name,
         applicant_relation = excluded.applicant_relation, raw = excluded.raw
     )
     insert into events (entity, entity_id, from_status, to_status, actor, reason)
     select 'application', i.id, i.old_status, i.new_status, $2, case when i.old_status is null then 'registered' else 'status set by import' end
       from input i join up on up.id = i.id
      where i.old_status is distinct from i.new_status`,
    [JSON.stringify(payload), actor],
  );
}

import type { ApplicationRecord, DistrictRecord, KindergartenRecord, PlaceRecord } from '../input/validate.js';
import { copyText } from './copy.js';
import type { Database, Queryable } from './database.js';

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

const STAGE_COLUMNS = [
  'id', 'district_id', 'child_iin', 'child_birth_date', 'child_name', 'applicant_iin', 'applicant_name', 'applicant_relation',
  'registered_at', 'registered_at_us', 'channel', 'preferences', 'accept_any', 'language', 'group_type', 'desired_from',
  'stop_list_until', 'rights', 'status', 'status_given', 'raw',
] as const;

/**
 * Applications are loaded in three steps inside the caller's transaction: a
 * temporary staging table, COPY of each batch into it, one merge at the end.
 * COPY is what makes millions of lines load in seconds on both databases.
 */
export async function beginApplicationStage(tx: Queryable): Promise<void> {
  await tx.query(`create temp table stage_applications (
    id text, district_id text, child_iin text, child_birth_date date, child_name text, applicant_iin text,
    applicant_name text, applicant_relation text, registered_at timestamptz, registered_at_us float8, channel text,
    preferences text[], accept_any boolean, language text, group_type text, desired_from date, stop_list_until date,
    rights jsonb, status text, status_given boolean, raw text) on commit drop`);
}

export async function stageApplications(tx: Queryable, rows: readonly ApplicationRecord[]): Promise<void> {
  await tx.copyIn(
    'stage_applications',
    STAGE_COLUMNS,
    copyText(
      rows.map((r) => [
        r.id, r.district, r.childIin, r.birthDate, r.childName, r.applicantIin, r.applicantName, r.relation, r.registeredAt,
        r.registeredAtUs, r.channel, r.preferences, r.acceptAnyInDistrict, r.language, r.groupType, r.desiredFrom,
        r.stopListUntil, JSON.stringify(r.rights), r.status, r.statusGiven, r.rawText ?? JSON.stringify(r.raw),
      ]),
    ),
  );
}

/**
 * Upserts the staged applications and logs each status change as an event.
 * A line with no `status` leaves an existing application's status as it is
 * (a re-import must not put an offered child back in the queue).
 */
export async function mergeStagedApplications(tx: Queryable, actor: string): Promise<void> {
  await tx.query(
    `with input as (
       select x.*, coalesce(case when x.status_given then x.status end, a.status, x.status) as new_status, a.status as old_status
         from stage_applications x left join applications a on a.id = x.id
     ), up as (
       insert into applications (id, district_id, child_birth_date, registered_at, registered_at_us, channel, preferences,
         accept_any, language, group_type, desired_from, stop_list_until, rights, status)
       select id, district_id, child_birth_date, registered_at, registered_at_us, channel, preferences, accept_any, language,
         group_type, desired_from, stop_list_until, rights, new_status
         from input
       on conflict (id) do update set district_id = excluded.district_id, child_birth_date = excluded.child_birth_date,
         registered_at = excluded.registered_at, registered_at_us = excluded.registered_at_us, channel = excluded.channel,
         preferences = excluded.preferences, accept_any = excluded.accept_any, language = excluded.language,
         group_type = excluded.group_type, desired_from = excluded.desired_from, stop_list_until = excluded.stop_list_until,
         rights = excluded.rights, status = excluded.status, updated_at = now()
       returning id
     ), details as (
       insert into application_details (id, child_iin, child_name, applicant_iin, applicant_name, applicant_relation, raw)
       select id, child_iin, child_name, applicant_iin, applicant_name, applicant_relation, raw from input
       on conflict (id) do update set child_iin = excluded.child_iin, child_name = excluded.child_name,
         applicant_iin = excluded.applicant_iin, applicant_name = excluded.applicant_name,
         applicant_relation = excluded.applicant_relation, raw = excluded.raw
     )
     insert into events (entity, entity_id, from_status, to_status, actor, reason)
     select 'application', i.id, i.old_status, i.new_status, $1, case when i.old_status is null then 'registered' else 'status set by import' end
       from input i join up on up.id = i.id
      where i.old_status is distinct from i.new_status`,
    [actor],
  );
}

/** Stage, copy and merge in one go (the caller's transaction), for a handful of applications. */
export async function upsertApplications(tx: Queryable, rows: readonly ApplicationRecord[], actor: string): Promise<void> {
  await beginApplicationStage(tx);
  await stageApplications(tx, rows);
  await mergeStagedApplications(tx, actor);
}

/**
 * After a large load: fresh planner statistics, and the queue stored in
 * district order so that a nightly run reads each district from a few
 * contiguous pages instead of from all over the table (CLUSTER takes an
 * exclusive lock for a moment: it belongs to the import, not to the run).
 */
export async function settleAfterLoad(db: Database, largeLoad: boolean): Promise<void> {
  if (largeLoad) {
    await db.transaction(async (tx) => {
      // On a server, the table is sorted in memory rather than in temporary files
      // (2 M applications: 7.3 s -> 5.7 s); the embedded database has less to give.
      if (db.kind === 'postgres') await tx.query(`set local maintenance_work_mem = '1GB'`);
      await tx.query('cluster applications using applications_district');
    });
  }
  await db.query('analyze applications');
  await db.query('analyze places');
  await db.query('analyze kindergartens');
}

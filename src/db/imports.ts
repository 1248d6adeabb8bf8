import type { ApplicationRecord, DistrictRecord, KindergartenRecord, PlaceRecord } from '../intake/lines.js';
import { CopyBytes, copyField, copyText } from '../codec/copy.js';
import type { Database, Queryable } from './database.js';

/**
 * Upserts for `kezek import`. Each batch goes as one JSON array parameter
 * expanded with jsonb_to_recordset, so one statement writes a whole batch on
 * both PostgreSQL and PGlite.
 */
/** The reads of knownDistricts and knownKindergartens (the online service keeps their answers a few seconds). */
export const KNOWN_DISTRICTS_SQL = 'select id from districts';
export const KNOWN_KINDERGARTENS_SQL = 'select id, district_id from kindergartens';

/**
 * The set and map made of a list's rows, by the rows' array: when a caller answers
 * these reads from a kept list (the online service), each registration looks the
 * kept set up instead of building it again (ten thousand kindergartens for the country).
 */
const madeOfRows = new WeakMap<object, unknown>();
function ofRows<R, T>(rows: R[], make: (rows: R[]) => T): T {
  let made = madeOfRows.get(rows) as T | undefined;
  if (made === undefined) madeOfRows.set(rows, (made = make(rows)));
  return made;
}

export async function knownDistricts(db: Queryable): Promise<ReadonlySet<string>> {
  return ofRows(await db.query<{ id: string }>(KNOWN_DISTRICTS_SQL), (rows) => new Set(rows.map((r) => r.id)));
}

export async function knownKindergartens(db: Queryable): Promise<ReadonlyMap<string, string>> {
  return ofRows(await db.query<{ id: string; district_id: string }>(KNOWN_KINDERGARTENS_SQL), (rows) => new Map(rows.map((r) => [r.id, r.district_id])));
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

/**
 * Sets the reported seats of each named group (rows of one group were summed
 * before), and records each group whose report changed in its seat history
 * (who, why if the line says, and the seats before and after). `history`
 * absent: a bulk load into an empty database, with no history to keep.
 * Inside the caller's transaction.
 *
 * The rows go through a temporary table that is analysed first: read straight
 * from the JSON parameter the planner takes them for 100 rows and joined the
 * stored groups again for every row (10,000 groups imported again: 21 s on a
 * loaded machine, a third of a re-import's time, for what now takes well under one).
 */
export async function upsertPlaces(db: Queryable, rows: readonly PlaceRecord[], history?: { actor: string; date: string }): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `create temp table if not exists stage_places (kindergarten text, "group" text, birth_year int, language text, group_type text, seats int, reason text) on commit drop`,
  );
  await db.query('truncate stage_places');
  await db.query(
    `insert into stage_places
     select kindergarten, "group", "birthYear", language, "groupType", seats, reason
       from jsonb_to_recordset($1::jsonb) as x(kindergarten text, "group" text, "birthYear" int, language text, "groupType" text, seats int, reason text)`,
    [JSON.stringify(rows)],
  );
  await db.query('analyze stage_places');
  await db.query(
    `with live as (
       select r.kindergarten_id, r.group_id, count(*)::int as n
         from referrals r join stage_places x on r.kindergarten_id = x.kindergarten and r.group_id = x."group"
        where $1::text is not null and r.status in ('offered', 'confirmed') group by r.kindergarten_id, r.group_id
     ), up as (
       insert into places (kindergarten_id, group_id, birth_year, language, group_type, seats)
       select kindergarten, "group", birth_year, language, group_type, seats from stage_places
       on conflict (kindergarten_id, group_id) do update set birth_year = excluded.birth_year, language = excluded.language,
         group_type = excluded.group_type, seats = excluded.seats, updated_at = now()
       returning 1
     )
     insert into seat_events (effective_on, kindergarten_id, group_id, actor, cause, reason, reported_before, reported_after, free_before, free_after)
     select $2::date, x.kindergarten, x."group", $1, 'report', x.reason, old.seats, x.seats,
            old.seats - coalesce(live.n, 0), x.seats - coalesce(live.n, 0)
       from stage_places x left join places old on old.kindergarten_id = x.kindergarten and old.group_id = x."group"
              left join live on live.kindergarten_id = x.kindergarten and live.group_id = x."group"
      where $1::text is not null and old.seats is distinct from x.seats`,
    // (one statement, one snapshot: `places old` is read as it was before the upsert)
    [history?.actor ?? null, history?.date ?? null],
  );
}

const STAGE_COLUMNS = [
  'id', 'district_id', 'child_iin', 'child_birth_date', 'child_name', 'applicant_iin', 'applicant_name', 'applicant_relation',
  'registered_at', 'registered_at_us', 'channel', 'preferences', 'accept_any', 'language', 'group_type', 'desired_from',
  'stop_list_until', 'rights', 'status', 'status_given', 'raw', 'line',
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
    rights jsonb, status text, status_given boolean, raw text, line int) on commit drop`);
}

/** Whether the queue is empty (a department's first import). */
export async function queueIsEmpty(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ empty: boolean }>(
    'select not exists (select 1 from applications) and not exists (select 1 from application_details) as empty',
  );
  return row?.empty === true;
}

/** Whether the audit trail is empty (a new database's first import). */
export async function historyIsEmpty(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ empty: boolean }>('select not exists (select 1 from events) as empty');
  return row?.empty === true;
}

export async function stageApplications(tx: Queryable, rows: readonly ApplicationRecord[]): Promise<void> {
  await tx.copyIn(
    'stage_applications',
    STAGE_COLUMNS,
    copyText(
      rows.map((r) => [
        r.id, r.district, r.childIin, r.birthDate, r.childName, r.applicantIin, r.applicantName, r.relation, r.registeredAt,
        r.registeredAtUs, r.channel, r.preferences, r.acceptAnyInDistrict, r.language, r.groupType, r.desiredFrom,
        r.stopListUntil, JSON.stringify(r.rights), r.status, r.statusGiven, r.rawText ?? JSON.stringify(r.raw), r.line ?? null,
      ]),
    ),
  );
}

/**
 * One staged application as a line of COPY text (the columns of
 * STAGE_COLUMNS), for the fast path: rows go straight into a byte buffer,
 * with no field list or joined string per batch.
 */
export function stageRow(r: ApplicationRecord): string {
  const f = copyField;
  return `${f(r.id)}\t${f(r.district)}\t${f(r.childIin)}\t${f(r.birthDate)}\t${f(r.childName)}\t${f(r.applicantIin)}\t${f(r.applicantName)}\t${f(r.relation)}\t${f(r.registeredAt)}\t${f(r.registeredAtUs)}\t${f(r.channel)}\t${f(r.preferences)}\t${r.acceptAnyInDistrict ? 't' : 'f'}\t${f(r.language)}\t${f(r.groupType)}\t${f(r.desiredFrom)}\t${f(r.stopListUntil)}\t${f(JSON.stringify(r.rights))}\t${f(r.status)}\t${r.statusGiven ? 't' : 'f'}\t${f(r.rawText ?? JSON.stringify(r.raw))}\t${f(r.line ?? null)}\n`;
}

/**
 * stageRow written into `out`, for the fast path: the line as read goes in as its bytes
 * (escaped only when it must be), and the fields the checks have already confined (IINs,
 * dates, the listed values) are written without looking for characters to escape. The
 * same bytes as stageRow of the record with that text and line.
 */
export function appendStageRow(out: CopyBytes, r: ApplicationRecord, text: string, bytes: Uint8Array, line: number): void {
  const f = copyField;
  out.push(
    `${f(r.id)}\t${f(r.district)}\t${r.childIin}\t${r.birthDate}\t${f(r.childName)}\t${r.applicantIin}\t${f(r.applicantName)}\t${f(r.relation)}\t${f(r.registeredAt)}\t${f(r.registeredAtUs)}\t${r.channel}\t${f(r.preferences)}\t${r.acceptAnyInDistrict ? 't' : 'f'}\t${r.language}\t${r.groupType}\t${r.desiredFrom}\t${r.stopListUntil ?? '\\N'}\t${r.rights.length ? f(JSON.stringify(r.rights)) : '[]'}\t${r.status}\t${r.statusGiven ? 't' : 'f'}\t`,
  );
  out.pushField(bytes, text);
  out.push(`\t${line}\n`);
}

/** COPY text (UTF-8 bytes) of stageRow lines into the stage. */
export async function stageApplicationRows(tx: Queryable, rows: CopyBytes): Promise<void> {
  await tx.copyIn('stage_applications', STAGE_COLUMNS, rows.bytes());
}

/** Statuses the lifecycle owns: a file may not move an application out of them. */
const SETTLED = `('offered', 'confirmed', 'enrolled', 'annulled', 'aged_out', 'inactive')`;
/** A child's live application (formats.md: at most one). */
const LIVE = `('queued', 'offered', 'confirmed', 'inactive')`;

export interface StagedConflict {
  line: number;
  id: string;
  reason: 'status_conflict' | 'duplicate_child';
  field: string;
  message: string;
  /** The line as read, cut at 2,000 characters. */
  text: string;
  /** duplicate_child: the application the child already has. */
  existing?: string;
}

/**
 * Takes out of the stage the lines only the stored data can refuse, and says
 * why: a status the lifecycle owns that a line would change (an offered child
 * put back in the queue while its referral stays open), and a second live
 * application of a child (stored, or on an earlier line of the file).
 */
export async function takeStagedConflicts(tx: Queryable, reference = false): Promise<StagedConflict[]> {
  const status = await tx.query<{ line: number; id: string; given: string; current: string; raw: string }>(
    `delete from stage_applications x using applications a
      where a.id = x.id and x.status_given and a.status in ${SETTLED} and x.status <> a.status
      returning x.line, x.id, x.status as given, a.status as current, left(x.raw, 2000) as raw`,
  );
  // The same question asked two ways: the reference as first written; the fast one
  // hashes instead of sorting, and looks for the stored live applications not in the
  // file first (on a re-import, next to none) before reading their children.
  const children = await tx.query<{ line: number; id: string; existing: string; raw: string }>(
    reference
      ? `with s as (
       select x.line, x.id, x.child_iin, coalesce(case when x.status_given then x.status end, a.status, x.status) as st
         from stage_applications x left join applications a on a.id = x.id
     ), live as (select * from s where st in ${LIVE}),
     firsts as (select distinct on (child_iin) child_iin, id, line from live order by child_iin, line),
     stored as (
       select d.child_iin, min(o.id collate "C") as id
         from application_details d join applications o on o.id = d.id
        where o.status in ${LIVE} and d.child_iin in (select child_iin from live)
          and not exists (select 1 from stage_applications y where y.id = o.id)
        group by d.child_iin
     ), bad as (
       select l.line, coalesce(st.id, f.id) as existing
         from live l join firsts f on f.child_iin = l.child_iin left join stored st on st.child_iin = l.child_iin
        where st.id is not null or f.line < l.line
     )
     delete from stage_applications x using bad where x.line = bad.line
     returning x.line, x.id, bad.existing, left(x.raw, 2000) as raw`
      : `with live as materialized (
       select x.line, x.id, x.child_iin
         from stage_applications x left join applications a on a.id = x.id
        where coalesce(case when x.status_given then x.status end, a.status, x.status) in ${LIVE}
     ), firsts as (
       select f.child_iin, f.line, l.id
         from (select child_iin, min(line) as line from live group by child_iin) f join live l on l.line = f.line
     ), others as materialized (
       select o.id from applications o
        where o.status in ${LIVE} and not exists (select 1 from stage_applications y where y.id = o.id)
     ), stored as (
       select d.child_iin, min(o.id collate "C") as id
         from others o join application_details d on d.id = o.id
        where d.child_iin in (select child_iin from live)
        group by d.child_iin
     ), bad as (
       select l.line, coalesce(st.id, f.id) as existing
         from live l join firsts f on f.child_iin = l.child_iin left join stored st on st.child_iin = l.child_iin
        where st.id is not null or f.line < l.line
     )
     delete from stage_applications x using bad where x.line = bad.line
     returning x.line, x.id, bad.existing, left(x.raw, 2000) as raw`,
  );
  return [
    ...status.map((r) => ({
      line: r.line,
      id: r.id,
      reason: 'status_conflict' as const,
      field: 'status',
      message: `application ${r.id} is ${r.current}: a file cannot make it ${r.given} (the lifecycle commands change it)`,
      text: r.raw,
    })),
    ...children.map((r) => ({
      line: r.line,
      id: r.id,
      reason: 'duplicate_child' as const,
      field: 'child.iin',
      message: `the child already has a live application: ${r.existing}`,
      text: r.raw,
      existing: r.existing,
    })),
  ].sort((a, b) => a.line - b.line);
}

/** What a merge wrote: applications new to the database, and stored ones whose content changed. */
export interface MergeCounts {
  inserted: number;
  updated: number;
}

const APP_COLS = `district_id, child_birth_date, registered_at, registered_at_us, channel, preferences, accept_any, language, group_type, desired_from, stop_list_until, rights`;
const DETAIL_COLS = `child_iin, child_name, applicant_iin, applicant_name, applicant_relation, raw`;
const list = (prefix: string, cols: string) => cols.split(', ').map((c) => `${prefix}.${c}`).join(', ');

/**
 * Upserts the staged applications and logs each status change as an event.
 * A line with no `status` leaves an existing application's status as it is
 * (a re-import must not put an offered child back in the queue).
 *
 * Only what changed is written: a staged application equal to the stored one
 * (every column of the queue row and of its personal data) is left alone, so
 * importing the same file again writes almost nothing, and the rows it does
 * not change keep their status, their place on the page and their updated_at.
 * New applications go in district order (the order a night reads them in).
 */
export async function mergeStagedApplications(tx: Queryable, actor: string, date?: string, fresh = false): Promise<MergeCounts> {
  if (fresh) {
    // An empty queue: every staged line is a new application, straight from the stage.
    const [row] = await tx.query<{ n: number }>(
      `with ins as (
         insert into applications (id, ${APP_COLS}, status)
         select id, ${APP_COLS}, status from stage_applications order by district_id, id collate "C"
         returning 1
       ) select count(*)::int as n from ins`,
    );
    await tx.query(
      `insert into application_details (id, ${DETAIL_COLS}) select id, ${DETAIL_COLS} from stage_applications`,
    );
    await tx.query(
      `insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
       select 'application', id, null, status, $1, 'registered', $2::date from stage_applications`,
      [actor, date ?? null],
    );
    return { inserted: row?.n ?? 0, updated: 0 };
  }
  // The lines equal to what is stored (the queue row, its status and its personal data) leave
  // the stage first: what is left is the little a re-import changes.
  await tx.query(
    `delete from stage_applications x using applications a, application_details d
      where a.id = x.id and d.id = x.id
        and (${list('a', APP_COLS)}) is not distinct from (${list('x', APP_COLS)})
        and a.status = coalesce(case when x.status_given then x.status end, a.status)
        and (${list('d', DETAIL_COLS)}) is not distinct from (${list('x', DETAIL_COLS)})`,
  );
  // What is left is usually small: looked up by key rather than by hashing both whole tables.
  await tx.query('analyze stage_applications');
  const rows = await tx.query<{ inserted: number; updated: number }>(
    `with input as (
       select x.*, n.new_status, a.status as old_status, a.id is not null as has_app, d.id is not null as has_details,
              a.id is not null and (${list('a', APP_COLS)}, a.status) is distinct from (${list('x', APP_COLS)}, n.new_status) as app_changed,
              d.id is not null and (${list('d', DETAIL_COLS)}) is distinct from (${list('x', DETAIL_COLS)}) as details_changed
         from stage_applications x left join applications a on a.id = x.id left join application_details d on d.id = x.id
              cross join lateral (select coalesce(case when x.status_given then x.status end, a.status, x.status) as new_status) n
     ), ins as (
       insert into applications (id, ${APP_COLS}, status)
       select id, ${APP_COLS}, new_status from input where not has_app order by district_id, id collate "C"
       returning 1
     ), upd as (
       update applications a set (${APP_COLS}, status, updated_at) = (${list('i', APP_COLS)}, i.new_status, now())
         from input i where i.app_changed and a.id = i.id
       returning 1
     ), details_ins as (
       insert into application_details (id, ${DETAIL_COLS})
       select id, ${DETAIL_COLS} from input where not has_details order by id collate "C"
     ), details_upd as (
       update application_details d set (${DETAIL_COLS}) = (${list('i', DETAIL_COLS)})
         from input i where i.details_changed and d.id = i.id
     ), ev as (
       insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
       select 'application', i.id, i.old_status, i.new_status, $1, case when i.old_status is null then 'registered' else 'status set by import' end, $2::date
         from input i
        where i.old_status is distinct from i.new_status
        order by i.id collate "C"
     )
     select (select count(*) from ins)::int as inserted, (select count(*) from upd)::int as updated`,
    [actor, date ?? null],
  );
  return { inserted: rows[0]?.inserted ?? 0, updated: rows[0]?.updated ?? 0 };
}

/**
 * The merge as it was first written, every staged row upserted whether it
 * changed or not: kept as the reference the fast path is tested against
 * (the same tables but for updated_at).
 */
export async function mergeStagedApplicationsReference(tx: Queryable, actor: string, date?: string): Promise<void> {
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
     insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
     select 'application', i.id, i.old_status, i.new_status, $1, case when i.old_status is null then 'registered' else 'status set by import' end, $2::date
       from input i join up on up.id = i.id
      where i.old_status is distinct from i.new_status`,
    [actor, date ?? null],
  );
}

/**
 * One new application, its id known to be absent (the caller holds the
 * registration's lock and found no stored row): what the merge does for such
 * a row (the queue row, its personal data, the `registered` event), in one
 * statement, without a stage. A registration is one row; the stage's
 * temporary table, its analysis and the merge's joins cost it more than the
 * row itself.
 */
export async function insertNewApplication(tx: Queryable, r: ApplicationRecord, actor: string, date?: string): Promise<void> {
  await tx.query(
    `with app as (
       insert into applications (id, ${APP_COLS}, status)
       values ($1, $2, $3::date, $4::timestamptz, $5::float8, $6, $7::text[], $8::boolean, $9, $10, $11::date, $12::date, $13::jsonb, $14)
     ), details as (
       insert into application_details (id, ${DETAIL_COLS}) values ($1, $15, $16, $17, $18, $19, $20)
     )
     insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
     values ('application', $1, null, $14, $21, 'registered', $22::date)`,
    [
      r.id, r.district, r.birthDate, r.registeredAt, r.registeredAtUs, r.channel, r.preferences, r.acceptAnyInDistrict, r.language, r.groupType,
      r.desiredFrom, r.stopListUntil, JSON.stringify(r.rights), r.status,
      r.childIin, r.childName, r.applicantIin, r.applicantName, r.relation, r.rawText ?? JSON.stringify(r.raw),
      actor, date ?? null,
    ],
  );
}

/** A registered application's content as it was given (the stored line), or null. */
/**
 * What a registration of `id` for the child `childIin` meets, in one read: the content
 * the id was registered with (`stored`, null when it is new), and the child's live
 * application other than `id` (formats.md: a child holds at most one), or null.
 */
export async function registrationClash(q: Queryable, id: string, childIin: string): Promise<{ stored: { given: unknown } | null; existing: string | null }> {
  const [row] = await q.query<{ raw: string | null; existing: string | null }>(
    `select (select raw from application_details where id = $1) as raw,
            (select a.id from application_details d join applications a on a.id = d.id
              where d.child_iin = $2 and a.id <> $1 and a.status in ${LIVE} order by a.id collate "C" limit 1) as existing`,
    [id, childIin],
  );
  const existing = row?.existing ?? null;
  // raw is not null in the table: null here is no row.
  if (row?.raw == null) return { stored: null, existing };
  try {
    return { stored: { given: JSON.parse(row.raw) as unknown }, existing };
  } catch {
    return { stored: { given: row.raw }, existing };
  }
}

/**
 * After a load: fresh planner statistics, and after a large one the queue
 * made ready for the night. `cluster`: stored in district order, so that a
 * nightly run reads each district from a few contiguous pages instead of from
 * all over the table (CLUSTER takes an exclusive lock for a moment: it belongs
 * to the import, not to the run). `vacuum`: rows just loaded in district order
 * are vacuumed, so that the night does not set the hint bits of every page it
 * reads, dirtying the whole table (300,000 applications: the night right after
 * a first import took 22.6 s before, 8.5 s after a vacuum). `places`: the
 * places and kindergartens alone (after the places file).
 */
export async function settleAfterLoad(db: Database, after: boolean | 'cluster' | 'vacuum' | 'analyze' | 'places'): Promise<void> {
  const how = after === true ? 'cluster' : after === false ? 'analyze' : after;
  if (how === 'places') {
    // After the places file: the queue was not written (analysing it here took 0.5-1.3 s of a 300,000 import).
    await db.query('analyze places');
    await db.query('analyze kindergartens');
    return;
  }
  if (how === 'cluster') {
    await db.transaction(async (tx) => {
      // On a server, the table is sorted in memory rather than in temporary files
      // (2 M applications: 7.3 s -> 5.7 s); the embedded database has less to give.
      if (db.kind === 'postgres') await tx.query(`set local maintenance_work_mem = '1GB'`);
      await tx.query('cluster applications using applications_district');
    });
  }
  await db.query(how === 'vacuum' ? 'vacuum (analyze) applications' : 'analyze applications');
  // The child's IIN: without statistics (before autovacuum comes, or where it is off) the planner
  // guesses a thousand rows an IIN and reads in parallel: a registration's duplicate check took
  // 20-35 ms instead of a tenth of one (200,000 applications), and held 100 registrations/s to 40.
  await db.query('analyze application_details (child_iin)');
  await db.query('analyze places');
  await db.query('analyze kindergartens');
}

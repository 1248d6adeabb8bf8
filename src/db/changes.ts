import { KezekError } from '../errors.js';
import type { ApplicationStatus } from '../domain/types.js';
import type { ApplicationState, Change, ReferralState } from '../lifecycle/types.js';
import type { Database, Queryable } from './database.js';
import { LIVE_BY_GROUP } from './live-referrals.js';
import { REFERRAL_COLUMNS, referralOfRow, type DistrictReferral, type ReferralRow } from './referral-row.js';

/** SQL of the lifecycle: read referral and application states, apply changes with their events. */

/** One referral, locked for the transaction when `lock`. */
export async function readReferral(q: Queryable, id: string, lock = false): Promise<DistrictReferral | null> {
  const rows = await q.query<ReferralRow>(`select ${REFERRAL_COLUMNS} from referrals where id = $1${lock ? ' for update' : ''}`, [id]);
  return rows[0] ? referralOfRow(rows[0]) : null;
}

/** The district's live referrals (offered or confirmed), in id order. */
export async function liveReferrals(q: Queryable, district: string): Promise<ReferralState[]> {
  const rows = await q.query<ReferralRow>(
    `select ${REFERRAL_COLUMNS} from referrals where district_id = $1 and status in ('offered', 'confirmed') order by id collate "C" for update`,
    [district],
  );
  return rows.map(referralOfRow);
}

export async function readApplicationState(q: Queryable, id: string, lock = false): Promise<(ApplicationState & { district: string }) | null> {
  const rows = await q.query<{ id: string; status: ApplicationStatus; district_id: string; inactive_since: string | null; restored_on: string | null }>(
    `select id, status, district_id, inactive_since::text as inactive_since, restored_on::text as restored_on
       from applications where id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, status: r.status, district: r.district_id, inactiveSince: r.inactive_since, restoredOn: r.restored_on } : null;
}

/**
 * Applies changes in a few set-based statements (a seat comes back by itself
 * when its referral stops being live: free seats are derived, see freePlaces), each status compared and
 * set, with one event per referral and application change. Throws when a
 * status moved under the caller (the transaction then rolls back).
 */
export async function applyChanges(q: Queryable, changes: readonly Change[], actor: string, date: string): Promise<void> {
  const refs = changes.flatMap((c) => (c.referral ? [c.referral] : []));
  const apps = changes.flatMap((c) => (c.application ? [c.application] : []));
  if (refs.length) {
    const done = await q.query(
      `update referrals r set status = x."to", confirmed_on = coalesce(x."confirmedOn", r.confirmed_on),
              enroll_by = coalesce(x."enrollBy", r.enroll_by), extended_days = coalesce(x."extendedDays", r.extended_days),
              right_proven_on = coalesce(x."rightProvenOn", r.right_proven_on), closed_on = coalesce(x."closedOn", r.closed_on),
              updated_at = now()
         from jsonb_to_recordset($1::jsonb) as x(id text, "from" text, "to" text, "confirmedOn" date, "enrollBy" date,
              "extendedDays" int, "rightProvenOn" date, "closedOn" date)
        where r.id = x.id and r.status = x."from" returning r.id`,
      [JSON.stringify(refs)],
    );
    if (done.length !== refs.length) throw new KezekError('CONCURRENT_CHANGE', 'a referral changed while it was being updated (another process): nothing was stored; try again');
  }
  if (apps.length) {
    const done = await q.query(
      `update applications a set status = x."to", inactive_since = coalesce(x."inactiveSince", a.inactive_since),
              restored_on = coalesce(x."restoredOn", a.restored_on),
              unproven_rights = case when x."setAsideRights" then coalesce(a.unproven_rights, '[]'::jsonb) || a.rights else a.unproven_rights end,
              rights = case when x."setAsideRights" then '[]'::jsonb else a.rights end,
              stop_list_until = coalesce(x."stopListUntil", a.stop_list_until), updated_at = now()
         from jsonb_to_recordset($1::jsonb) as x(id text, "from" text, "to" text, "inactiveSince" date, "restoredOn" date,
              "setAsideRights" boolean, "stopListUntil" date)
        where a.id = x.id and a.status = x."from" returning a.id`,
      [JSON.stringify(apps)],
    );
    if (done.length !== apps.length) throw new KezekError('CONCURRENT_CHANGE', 'an application changed while it was being updated (another process): nothing was stored; try again');
  }
  const filled = changes.flatMap((c) => (c.seatFilled ? [{ ...c.seatFilled, reason: c.referral?.reason ?? null }] : []));
  if (filled.length) {
    // The reported seats go down by the children who filled them; the free ones stay (their referrals stopped being live too).
    await q.query(
      `with x as (
         select kindergarten, "group", count(*)::int as n, min(reason) as reason
           from jsonb_to_recordset($1::jsonb) as s(kindergarten text, "group" text, reason text) group by kindergarten, "group"
       ), up as (
         update places p set seats = greatest(p.seats - x.n, 0), updated_at = now()
           from x where p.kindergarten_id = x.kindergarten and p.group_id = x."group"
         returning p.kindergarten_id, p.group_id, p.seats + x.n as before, p.seats as after, x.reason
       ), live as (${LIVE_BY_GROUP('up')})
       insert into seat_events (effective_on, kindergarten_id, group_id, actor, cause, reason, reported_before, reported_after, free_before, free_after)
       select $3::date, up.kindergarten_id, up.group_id, $2, 'enrolment', up.reason, up.before, up.after,
              up.after - coalesce(live.n, 0), up.after - coalesce(live.n, 0)
         from up left join live on live.kindergarten_id = up.kindergarten_id and live.group_id = up.group_id`,
      [JSON.stringify(filled), actor, date],
    );
  }
  const back = changes.flatMap((c) => (c.seatBack ? [{ ...c.seatBack, reason: c.referral?.reason ?? null }] : []));
  if (back.length) {
    // A seat comes back by itself (free seats are derived); its history says so, with why.
    await q.query(
      `with x as (
         select kindergarten, "group", count(*)::int as n, min(reason) as reason
           from jsonb_to_recordset($1::jsonb) as s(kindergarten text, "group" text, reason text) group by kindergarten, "group"
       ), g as (
         select p.kindergarten_id, p.group_id, p.seats, x.n, x.reason from places p join x on p.kindergarten_id = x.kindergarten and p.group_id = x."group"
       ), live as (${LIVE_BY_GROUP('g')})
       insert into seat_events (effective_on, kindergarten_id, group_id, actor, cause, reason, reported_before, reported_after, free_before, free_after)
       select $3::date, g.kindergarten_id, g.group_id, $2, 'returned', g.reason, g.seats, g.seats,
              g.seats - coalesce(live.n, 0) - g.n, g.seats - coalesce(live.n, 0)
         from g left join live on live.kindergarten_id = g.kindergarten_id and live.group_id = g.group_id`,
      [JSON.stringify(back), actor, date],
    );
  }
  const events = [
    ...refs.map((r) => ({ entity: 'referral', id: r.id, from: r.from, to: r.to, reason: r.reason })),
    ...apps.map((a) => ({ entity: 'application', id: a.id, from: a.from, to: a.to, reason: a.reason })),
  ];
  if (events.length) {
    await q.query(
      `insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
       select entity, id, "from", "to", $2, reason, $3::date
         from jsonb_to_recordset($1::jsonb) as x(entity text, id text, "from" text, "to" text, reason text)`,
      [JSON.stringify(events), actor, date],
    );
  }
}

/** Queued applications of the district refused for the age limit leave the queue as aged_out; returns those that did. */
export async function ageOut(q: Queryable, district: string, ids: readonly string[], maxAgeYears: number, actor: string, date: string): Promise<string[]> {
  if (!ids.length) return [];
  // Found through the district's index (see storeDistrict), not the primary key.
  const rows = await q.query<{ id: string }>(
    `with aged as (
       update applications set status = 'aged_out', updated_at = now()
        where district_id = $5 and (id collate "C") = any($1::text[]) and status = 'queued' returning id)
     insert into events (entity, entity_id, from_status, to_status, actor, reason, effective_on)
     select 'application', id, 'queued', 'aged_out', $2, $3, $4::date from aged returning entity_id as id`,
    [ids, actor, `reached the age limit of ${maxAgeYears} years`, date, district],
  );
  return rows.map((r) => r.id);
}

/** Runs `fn` in a transaction that is always rolled back (a dry run simulates writes). */
export async function inRolledBackTransaction<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const rollback = new Error('dry run: roll back');
  let out: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      out = { value: await fn(tx) };
      throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return out!.value;
}

import type { DistrictCounts } from '../domain/outcomes.js';
import type { Application, GroupType, Language, Place } from '../domain/types.js';
import type { Queryable } from './database.js';

/**
 * SQL of what a stored night read in a district, rebuilt afterwards (for
 * `kezek rules diff --places-of DATE`): its free seats and its queue.
 *
 * The night's read is a moment: after its step 1 (lapses, by the run itself),
 * before its allocation. A change is "after the read" when its event is at or
 * after the run started, except step 1's own events. Before that moment an
 * event's status is what it changed to; after it, what it changed from. So a
 * referral was live at the read when its first change after the read started
 * from offered or confirmed (or it has none and is live now), and an
 * application was queued when its first change after the read started from
 * queued (or it has none and is queued now).
 */

/** The nights stored (dates with a district in the ledger), in date order. */
export async function storedNights(q: Queryable): Promise<string[]> {
  return (await q.query<{ d: string }>(`select distinct run_date::text as d from run_districts order by 1`)).map((r) => r.d);
}

/** The districts a night stored, in byte order of ids. */
export async function nightDistricts(q: Queryable, date: string): Promise<string[]> {
  return (await q.query<{ id: string }>(`select district_id as id from run_districts where run_date = $1 order by district_id collate "C"`, [date])).map((r) => r.id);
}

/** What the ledger says the night read in a district: the free seats it offered and the queued applications it judged. */
export async function nightCounts(q: Queryable, date: string, district: string): Promise<Pick<DistrictCounts, 'seatsOffered' | 'queued'> | null> {
  const [row] = await q.query<{ counts: DistrictCounts }>(`select counts from run_districts where run_date = $1 and district_id = $2`, [date, district]);
  return row ? { seatsOffered: row.counts.seatsOffered, queued: row.counts.queued } : null;
}

/** The run that stored a district's night, and when it started: the moment its read is measured from. */
const NIGHT = `night as (select d.run_id, r.started_at from run_districts d join runs r on r.id = d.run_id where d.run_date = $2 and d.district_id = $1)`;

/** Events of this district's referrals after the night's read (step 1's lapses and cancellations are before it). */
const REFERRAL_EVENTS_AFTER = `referral_events_after as (
  select e.entity_id, e.from_status, e.to_status, e.id
    from events e join referrals r on r.id = e.entity_id, night n
   where e.entity = 'referral' and r.district_id = $1 and e.at >= n.started_at
     and not (e.actor = n.run_id and e.to_status in ('lapsed', 'cancelled')))`;

/**
 * The district's groups with the seats the night read: the seats reported
 * now, plus those enrolments have taken off the report since (an enrolment
 * lowers the reported seats as the child takes the seat), minus the referrals
 * of earlier nights that were live at the read. Only groups with a seat, as a
 * night reads them. A later import of the places is not undone: the caller
 * compares the total with the ledger.
 */
export async function nightPlaces(q: Queryable, district: string, date: string): Promise<Place[]> {
  const rows = await q.query<{ kindergarten_id: string; group_id: string; birth_year: number; language: Language; group_type: GroupType; seats: number }>(
    `with ${NIGHT}, ${REFERRAL_EVENTS_AFTER},
     first_after as (select distinct on (entity_id) entity_id, from_status from referral_events_after order by entity_id, id),
     live_at_read as (
       select r.kindergarten_id, r.group_id, count(*)::int as n
         from referrals r left join first_after f on f.entity_id = r.id
        where r.district_id = $1 and r.run_date < $2::date
          and (case when f.entity_id is not null then f.from_status else r.status end) in ('offered', 'confirmed')
        group by 1, 2),
     filled_after as (
       select r.kindergarten_id, r.group_id, count(*)::int as n
         from referral_events_after e join referrals r on r.id = e.entity_id
        where e.to_status = 'enrolled'
        group by 1, 2)
     select p.kindergarten_id, p.group_id, p.birth_year, p.language, p.group_type,
            p.seats + coalesce(f.n, 0) - coalesce(l.n, 0) as seats
       from places p join kindergartens k on k.id = p.kindergarten_id
            left join live_at_read l on l.kindergarten_id = p.kindergarten_id and l.group_id = p.group_id
            left join filled_after f on f.kindergarten_id = p.kindergarten_id and f.group_id = p.group_id
      where k.district_id = $1
      order by p.kindergarten_id collate "C", p.group_id collate "C"`,
    [district, date],
  );
  return rows
    .filter((r) => r.seats > 0)
    .map((r) => ({ kindergarten: r.kindergarten_id, group: r.group_id, birthYear: r.birth_year, language: r.language, groupType: r.group_type, seats: r.seats }));
}

/**
 * The applications queued when the night read the district, in byte order of
 * ids. Their content is as stored now, except that a priority referral
 * cancelled after the read (rights set aside, on the stop list) gets its
 * rights back and no stop list, as it was queued then.
 */
export async function nightQueue(q: Queryable, district: string, date: string): Promise<Application[]> {
  const rows = await q.query<{
    id: string; birth_date: string; registered_at_us: number; channel: Application['channel']; preferences: string[]; accept_any: boolean;
    language: Language; group_type: GroupType; desired_from: string; stop_list_until: string | null; rights: Application['rights'];
  }>(
    `with ${NIGHT},
     events_after as (
       select e.entity_id, e.from_status, e.to_status, e.id
         from events e join applications a on a.id = e.entity_id, night n
        where e.entity = 'application' and a.district_id = $1 and e.at >= n.started_at
          and not (e.actor = n.run_id and e.from_status in ('offered', 'confirmed'))),
     first_after as (select distinct on (entity_id) entity_id, from_status from events_after order by entity_id, id),
     cancelled_after as (select distinct entity_id from events_after where from_status in ('offered', 'confirmed') and to_status = 'queued')
     select a.id, a.child_birth_date::text as birth_date, a.registered_at_us, a.channel, a.preferences, a.accept_any, a.language, a.group_type,
            a.desired_from::text as desired_from,
            case when c.entity_id is null then a.stop_list_until::text end as stop_list_until,
            case when c.entity_id is null then a.rights else a.rights || coalesce(a.unproven_rights, '[]'::jsonb) end as rights
       from applications a left join first_after f on f.entity_id = a.id left join cancelled_after c on c.entity_id = a.id
      where a.district_id = $1 and (case when f.entity_id is not null then f.from_status else a.status end) = 'queued'
      order by a.id collate "C"`,
    [district, date],
  );
  return rows.map((r) => ({
    id: r.id,
    district,
    birthDate: r.birth_date,
    registeredAtUs: Number(r.registered_at_us),
    channel: r.channel,
    preferences: r.preferences,
    acceptAnyInDistrict: r.accept_any,
    language: r.language,
    groupType: r.group_type,
    desiredFrom: r.desired_from,
    stopListUntil: r.stop_list_until,
    rights: typeof r.rights === 'string' ? (JSON.parse(r.rights) as Application['rights']) : r.rights,
    status: 'queued' as const,
  }));
}

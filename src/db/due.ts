import type { Complaint, ComplaintLevel } from '../lifecycle/complaints.js';
import type { Queryable } from './database.js';
import { REFERRAL_COLUMNS, referralOfRow, type DistrictReferral, type ReferralRow } from './referral-row.js';

/** SQL of the due list (online/due.ts): what needs a person's action around a date. Dates come back as text. */

/** A live referral, as the lifecycle sees it. */
export type DueReferralRow = DistrictReferral & { status: 'offered' | 'confirmed' };

/** `$n::text[] is null`: no district filter; else only those districts. */
const inDistricts = (column: string, n: number) => `($${n}::text[] is null or ${column} = any($${n}::text[]))`;

/**
 * Live referrals with a step due from `from` to `until` (inclusive): offers
 * to answer, enrolments to make; and every live priority referral whose right
 * is not proven yet (its proof deadline is counted in working days by the caller).
 */
export async function liveReferralsDue(q: Queryable, from: string, until: string, districts: readonly string[] | null): Promise<DueReferralRow[]> {
  const rows = await q.query<ReferralRow & { status: DueReferralRow['status'] }>(
    `select ${REFERRAL_COLUMNS}
       from referrals
      where status in ('offered', 'confirmed') and ${inDistricts('district_id', 3)}
        and ((status = 'offered' and confirm_by between $1::date and $2::date)
          or (status = 'confirmed' and enroll_by between $1::date and $2::date)
          or (category <> 'general' and right_proven_on is null))
      order by district_id collate "C", id collate "C"`,
    [from, until, districts],
  );
  return rows.map(referralOfRow);
}

/** Inactive applications never restored that went inactive between `since` and `until` (their restore window closes soon). */
export async function inactiveBetween(
  q: Queryable,
  since: string,
  until: string,
  districts: readonly string[] | null,
): Promise<{ application: string; district: string; inactiveSince: string }[]> {
  const rows = await q.query<{ id: string; district_id: string; inactive_since: string }>(
    `select id, district_id, inactive_since::text as inactive_since from applications
      where status = 'inactive' and restored_on is null and inactive_since between $1::date and $2::date and ${inDistricts('district_id', 3)}
      order by district_id collate "C", id collate "C"`,
    [since, until, districts],
  );
  return rows.map((r) => ({ application: r.id, district: r.district_id, inactiveSince: r.inactive_since }));
}

export type DueComplaintRow = Pick<Complaint, 'application' | 'level' | 'filedOn' | 'dueOn' | 'subject'> & { complaint: string; district: string | null };

/**
 * Unanswered complaints due on or before `until` (overdue ones included).
 * With a district filter, only complaints about an application of those
 * districts (a complaint about no application has no district).
 */
export async function complaintsDue(q: Queryable, until: string, districts: readonly string[] | null): Promise<DueComplaintRow[]> {
  const rows = await q.query<{ id: string; application_id: string | null; district_id: string | null; level: ComplaintLevel; filed_on: string; due_on: string; subject: string }>(
    `select c.id, c.application_id, a.district_id, c.level, c.filed_on::text as filed_on, c.due_on::text as due_on, c.subject
       from complaints c left join applications a on a.id = c.application_id
      where c.answered_on is null and c.due_on <= $1::date and ${inDistricts('a.district_id', 2)}
      order by c.due_on, c.id collate "C"`,
    [until, districts],
  );
  return rows.map((r) => ({ complaint: r.id, application: r.application_id, district: r.district_id, level: r.level, filedOn: r.filed_on, dueOn: r.due_on, subject: r.subject }));
}

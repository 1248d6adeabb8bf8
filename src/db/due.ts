import type { Queryable } from './database.js';

/** SQL of the due list (online/due.ts): what needs a person's action around a date. Dates come back as text. */

export interface DueReferralRow {
  referral: string;
  application: string;
  district: string;
  status: 'offered' | 'confirmed';
  category: 'extraordinary' | 'primary' | 'general';
  kindergarten: string;
  group: string;
  issuedOn: string;
  confirmBy: string;
  confirmedOn: string | null;
  enrollBy: string | null;
  extendedDays: number | null;
  rightProvenOn: string | null;
}

/** `$n::text[] is null`: no district filter; else only those districts. */
const inDistricts = (column: string, n: number) => `($${n}::text[] is null or ${column} = any($${n}::text[]))`;

/**
 * Live referrals with a step due from `from` to `until` (inclusive): offers
 * to answer, enrolments to make; and every live priority referral whose right
 * is not proven yet (its proof deadline is counted in working days by the caller).
 */
export async function liveReferralsDue(q: Queryable, from: string, until: string, districts: readonly string[] | null): Promise<DueReferralRow[]> {
  const rows = await q.query<{
    id: string; application_id: string; district_id: string; status: 'offered' | 'confirmed'; category: DueReferralRow['category'];
    kindergarten_id: string; group_id: string; issued_on: string; confirm_by: string; confirmed_on: string | null; enroll_by: string | null;
    extended_days: number | null; right_proven_on: string | null;
  }>(
    `select id, application_id, district_id, status, category, kindergarten_id, group_id, issued_on::text as issued_on, confirm_by::text as confirm_by,
            confirmed_on::text as confirmed_on, enroll_by::text as enroll_by, extended_days, right_proven_on::text as right_proven_on
       from referrals
      where status in ('offered', 'confirmed') and ${inDistricts('district_id', 3)}
        and ((status = 'offered' and confirm_by between $1::date and $2::date)
          or (status = 'confirmed' and enroll_by between $1::date and $2::date)
          or (category <> 'general' and right_proven_on is null))
      order by district_id collate "C", id collate "C"`,
    [from, until, districts],
  );
  return rows.map((r) => ({
    referral: r.id,
    application: r.application_id,
    district: r.district_id,
    status: r.status,
    category: r.category,
    kindergarten: r.kindergarten_id,
    group: r.group_id,
    issuedOn: r.issued_on,
    confirmBy: r.confirm_by,
    confirmedOn: r.confirmed_on,
    enrollBy: r.enroll_by,
    extendedDays: r.extended_days,
    rightProvenOn: r.right_proven_on,
  }));
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

export interface DueComplaintRow {
  complaint: string;
  application: string | null;
  district: string | null;
  level: 'provider' | 'authority';
  filedOn: string;
  dueOn: string;
  subject: string;
}

/**
 * Unanswered complaints due on or before `until` (overdue ones included).
 * With a district filter, only complaints about an application of those
 * districts (a complaint about no application has no district).
 */
export async function complaintsDue(q: Queryable, until: string, districts: readonly string[] | null): Promise<DueComplaintRow[]> {
  const rows = await q.query<{ id: string; application_id: string | null; district_id: string | null; level: DueComplaintRow['level']; filed_on: string; due_on: string; subject: string }>(
    `select c.id, c.application_id, a.district_id, c.level, c.filed_on::text as filed_on, c.due_on::text as due_on, c.subject
       from complaints c left join applications a on a.id = c.application_id
      where c.answered_on is null and c.due_on <= $1::date and ${inDistricts('a.district_id', 2)}
      order by c.due_on, c.id collate "C"`,
    [until, districts],
  );
  return rows.map((r) => ({ complaint: r.id, application: r.application_id, district: r.district_id, level: r.level, filedOn: r.filed_on, dueOn: r.due_on, subject: r.subject }));
}

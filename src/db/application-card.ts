import type { ApplicationStatus, Category } from '../domain/types.js';
import type { ReferralStatus } from '../lifecycle/types.js';
import { COHORT_TOKEN } from './cohort-versions.js';
import type { Queryable } from './database.js';

/** Reads for the online service's answers about one application: who it is for, and its live referral. */

export interface ApplicationCard {
  id: string;
  district: string;
  status: ApplicationStatus;
  birthDate: string;
  registeredAt: string;
  channel: string;
  /** Personal data: for the roles api.md allows only. */
  child: { iin: string; name: string | null };
  applicant: { iin: string; name: string | null; relation: string | null };
  /** The application's cohort's token as of this read (cohort-versions.ts), read with it to save a round trip. */
  cohortToken: string;
}

interface CardRow {
  id: string;
  district_id: string;
  status: ApplicationStatus;
  birth_date: string;
  registered_at: string;
  channel: string;
  child_iin: string;
  child_name: string | null;
  applicant_iin: string;
  applicant_name: string | null;
  applicant_relation: string | null;
  cohort_token: string;
}

const CARD = `select a.id, a.district_id, a.status, a.child_birth_date::text as birth_date,
    to_char(a.registered_at at time zone interval '05:00', 'YYYY-MM-DD"T"HH24:MI:SS"+05:00"') as registered_at, a.channel,
    d.child_iin, d.child_name, d.applicant_iin, d.applicant_name, d.applicant_relation, ${COHORT_TOKEN} as cohort_token
  from applications a join application_details d on d.id = a.id`;

const toCard = (r: CardRow): ApplicationCard => ({
  id: r.id,
  district: r.district_id,
  status: r.status,
  birthDate: r.birth_date,
  registeredAt: r.registered_at,
  channel: r.channel,
  child: { iin: r.child_iin, name: r.child_name },
  applicant: { iin: r.applicant_iin, name: r.applicant_name, relation: r.applicant_relation },
  cohortToken: r.cohort_token,
});

export async function applicationCard(q: Queryable, id: string): Promise<ApplicationCard | null> {
  const rows = await q.query<CardRow>(`${CARD} where a.id = $1`, [id]);
  return rows[0] ? toCard(rows[0]) : null;
}

/** Every application of a child (by IIN), in id order. */
export async function applicationCardsOfChild(q: Queryable, childIin: string): Promise<ApplicationCard[]> {
  const rows = await q.query<CardRow>(`${CARD} where d.child_iin = $1 order by a.id collate "C"`, [childIin]);
  return rows.map(toCard);
}

/** Where an application is and what it is, without personal data (for access checks and cohort versions). */
export async function applicationPlace(q: Queryable, id: string): Promise<{ district: string; birthYear: number; status: ApplicationStatus } | null> {
  const rows = await q.query<{ district_id: string; birth_year: number; status: ApplicationStatus }>(
    `select district_id, extract(year from child_birth_date)::int as birth_year, status from applications where id = $1`,
    [id],
  );
  const r = rows[0];
  return r ? { district: r.district_id, birthYear: r.birth_year, status: r.status } : null;
}

export interface LiveReferral {
  id: string;
  application: string;
  district: string;
  kindergarten: string;
  group: string;
  status: ReferralStatus;
  category: Category;
  rights: string[];
  preferenceRank: number;
  issuedOn: string;
  confirmBy: string;
  confirmedOn: string | null;
  enrollBy: string | null;
  extendedDays: number | null;
  rightProvenOn: string | null;
}

const REFERRAL = `select id, application_id, district_id, kindergarten_id, group_id, status, category, rights, preference_rank,
    issued_on::text as issued_on, confirm_by::text as confirm_by, confirmed_on::text as confirmed_on,
    enroll_by::text as enroll_by, extended_days, right_proven_on::text as right_proven_on
  from referrals`;

interface ReferralRow {
  id: string;
  application_id: string;
  district_id: string;
  kindergarten_id: string;
  group_id: string;
  status: ReferralStatus;
  category: Category;
  rights: string[];
  preference_rank: number;
  issued_on: string;
  confirm_by: string;
  confirmed_on: string | null;
  enroll_by: string | null;
  extended_days: number | null;
  right_proven_on: string | null;
}

const toReferral = (r: ReferralRow): LiveReferral => ({
  id: r.id,
  application: r.application_id,
  district: r.district_id,
  kindergarten: r.kindergarten_id,
  group: r.group_id,
  status: r.status,
  category: r.category,
  rights: r.rights,
  preferenceRank: r.preference_rank,
  issuedOn: r.issued_on,
  confirmBy: r.confirm_by,
  confirmedOn: r.confirmed_on,
  enrollBy: r.enroll_by,
  extendedDays: r.extended_days,
  rightProvenOn: r.right_proven_on,
});

/** The application's live referral (offered or confirmed; at most one), or null. */
export async function liveReferralOf(q: Queryable, applicationId: string): Promise<LiveReferral | null> {
  const rows = await q.query<ReferralRow>(`${REFERRAL} where application_id = $1 and status in ('offered', 'confirmed')`, [applicationId]);
  return rows[0] ? toReferral(rows[0]) : null;
}

/** One referral as it stands (any status), or null. */
export async function referralById(q: Queryable, id: string): Promise<LiveReferral | null> {
  const rows = await q.query<ReferralRow>(`${REFERRAL} where id = $1`, [id]);
  return rows[0] ? toReferral(rows[0]) : null;
}

import type { ApplicationStatus } from '../domain/types.js';
import { COHORT_TOKEN } from './cohort-versions.js';
import type { Queryable } from './database.js';
import { REFERRAL_COLUMNS, referralOfRow, type DistrictReferral, type ReferralRow } from './referral-row.js';

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

/** A referral with the rights it was issued for and the rank of its kindergarten among the family's choices. */
export interface LiveReferral extends DistrictReferral {
  rights: string[];
  preferenceRank: number;
}

const REFERRAL = `select ${REFERRAL_COLUMNS}, rights, preference_rank from referrals`;

type LiveReferralRow = ReferralRow & { rights: string[]; preference_rank: number };

const toReferral = (r: LiveReferralRow): LiveReferral => ({ ...referralOfRow(r), rights: r.rights, preferenceRank: r.preference_rank });

/** The application's live referral (offered or confirmed; at most one), or null. */
export async function liveReferralOf(q: Queryable, applicationId: string): Promise<LiveReferral | null> {
  const rows = await q.query<LiveReferralRow>(`${REFERRAL} where application_id = $1 and status in ('offered', 'confirmed')`, [applicationId]);
  return rows[0] ? toReferral(rows[0]) : null;
}

/** One referral as it stands (any status), or null. */
export async function referralById(q: Queryable, id: string): Promise<LiveReferral | null> {
  const rows = await q.query<LiveReferralRow>(`${REFERRAL} where id = $1`, [id]);
  return rows[0] ? toReferral(rows[0]) : null;
}

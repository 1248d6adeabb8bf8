import type { Category, Place } from '../domain/types.js';
import type { Queryable } from './database.js';
import { freePlaces } from './district-read.js';

/** Reads for `kezek explain`: a district's groups (also full ones) and what the latest run before a date stored. */

/** A group of the district with its free seats now (0 when every seat was taken). */
export type DistrictGroup = Place;

export async function districtGroups(db: Queryable, district: string): Promise<DistrictGroup[]> {
  return (await freePlaces(db, district)).map((p) => ({ ...p, seats: Math.max(p.seats, 0) }));
}

export interface StoredNumber {
  runDate: string;
  runId: string;
  queueNumber: number;
  category: Category;
  rulesVersion: string;
  rulesHash: string;
}

/** The queue number the latest run on or before the date gave, with the rules that run used. */
export async function storedQueueNumber(db: Queryable, application: string, district: string, date: string): Promise<StoredNumber | null> {
  // Newest first: the latest cohort holding the application is usually the first row looked at.
  const rows = await db.query<{ run_date: string; run_id: string; queue_number: number; category: Category; rules_version: string; rules_hash: string }>(
    `select q.run_date::text as run_date, q.run_id, p.n as queue_number,
            case substr(q.categories, p.n, 1) when 'e' then 'extraordinary' when 'p' then 'primary' else 'general' end as category,
            r.rules_version, r.rules_hash
       from queue_cohorts q
            cross join lateral (select array_position(q.application_ids, $1::text) as n) p
            join runs r on r.id = q.run_id
      where q.district_id = $3 and q.run_date <= $2 and p.n is not null
      order by q.run_date desc limit 1`,
    [application, date, district],
  );
  const r = rows[0];
  return r ? { runDate: r.run_date, runId: r.run_id, queueNumber: r.queue_number, category: r.category, rulesVersion: r.rules_version, rulesHash: r.rules_hash } : null;
}

export interface StoredReferral {
  id: string;
  kindergarten: string;
  group: string;
  category: Category;
  rights: string[];
  preferenceRank: number;
  issuedOn: string;
  confirmBy: string;
  status: string;
  /** Lifecycle dates (null until the step happened). */
  confirmedOn: string | null;
  enrollBy: string | null;
  extendedDays: number | null;
  rightProvenOn: string | null;
  closedOn: string | null;
  rulesVersion: string;
  rulesHash: string;
}

/** The latest referral issued to the application on or before the date. */
export async function referralUpTo(db: Queryable, application: string, date: string): Promise<StoredReferral | null> {
  const rows = await db.query<{
    id: string; kindergarten_id: string; group_id: string; category: Category; rights: string[]; preference_rank: number;
    issued_on: string; confirm_by: string; status: string; confirmed_on: string | null; enroll_by: string | null;
    extended_days: number | null; right_proven_on: string | null; closed_on: string | null; rules_version: string; rules_hash: string;
  }>(
    `select f.id, f.kindergarten_id, f.group_id, f.category, f.rights, f.preference_rank, f.issued_on::text as issued_on,
            f.confirm_by::text as confirm_by, f.status, f.confirmed_on::text as confirmed_on, f.enroll_by::text as enroll_by,
            f.extended_days, f.right_proven_on::text as right_proven_on, f.closed_on::text as closed_on,
            r.rules_version, r.rules_hash
       from referrals f join runs r on r.id = f.run_id
      where f.application_id = $1 and f.issued_on <= $2
      order by f.issued_on desc, f.id desc limit 1`,
    [application, date],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id, kindergarten: r.kindergarten_id, group: r.group_id, category: r.category, rights: r.rights, preferenceRank: r.preference_rank,
        issuedOn: r.issued_on, confirmBy: r.confirm_by, status: r.status, confirmedOn: r.confirmed_on, enrollBy: r.enroll_by,
        extendedDays: r.extended_days, rightProvenOn: r.right_proven_on, closedOn: r.closed_on, rulesVersion: r.rules_version, rulesHash: r.rules_hash,
      }
    : null;
}

/** A night's stored queue number with how many were ahead, by category. */
export interface StoredPosition extends StoredNumber {
  birthYear: number;
  cohortSize: number;
  ahead: Record<Category, number>;
}

/** The number the run of exactly `runDate` stored for the application, with the cohort ahead of it; null when it stored none. */
export async function storedPositionOn(db: Queryable, application: string, district: string, runDate: string): Promise<StoredPosition | null> {
  const rows = await db.query<{ run_id: string; birth_year: number; n: number; size: number; ahead: string; own: string; rules_version: string; rules_hash: string }>(
    `select q.run_id, q.birth_year, p.n, cardinality(q.application_ids) as size, substr(q.categories, 1, p.n - 1) as ahead,
            substr(q.categories, p.n, 1) as own, r.rules_version, r.rules_hash
       from queue_cohorts q
            cross join lateral (select array_position(q.application_ids, $1::text) as n) p
            join runs r on r.id = q.run_id
      where q.district_id = $3 and q.run_date = $2 and p.n is not null`,
    [application, runDate, district],
  );
  const r = rows[0];
  if (!r) return null;
  const count = (letter: string) => [...r.ahead].filter((c) => c === letter).length;
  return {
    runDate,
    runId: r.run_id,
    queueNumber: r.n,
    category: categoryOfLetter(r.own),
    rulesVersion: r.rules_version,
    rulesHash: r.rules_hash,
    birthYear: r.birth_year,
    cohortSize: r.size,
    ahead: { extraordinary: count('e'), primary: count('p'), general: count('g') },
  };
}

/** A cohort row stores each category as its first letter (migration 003). */
export function categoryOfLetter(letter: string): Category {
  return letter === 'e' ? 'extraordinary' : letter === 'p' ? 'primary' : 'general';
}

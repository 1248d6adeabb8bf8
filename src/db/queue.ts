import type { Application, GroupType, Language } from '../domain/types.js';
import { COHORT_TOKEN } from './cohort-versions.js';
import type { Queryable } from './database.js';

/** Reads for the online services (register, position): one application, one cohort. */

export interface StoredApplication extends Application {
  registeredAt: string;
}

interface ApplicationRow {
  id: string;
  district_id: string;
  birth_date: string;
  registered_at: string;
  registered_at_us: number;
  channel: Application['channel'];
  preferences: string[];
  accept_any: boolean;
  language: Language;
  group_type: GroupType;
  desired_from: string;
  stop_list_until: string | null;
  rights: Application['rights'];
  status: Application['status'];
}

const COLUMNS = `id, district_id, child_birth_date::text as birth_date, registered_at::text as registered_at, registered_at_us,
  channel, preferences, accept_any, language, group_type, desired_from::text as desired_from,
  stop_list_until::text as stop_list_until, rights, status`;

function toApplication(r: ApplicationRow): StoredApplication {
  return {
    id: r.id,
    district: r.district_id,
    birthDate: r.birth_date,
    registeredAt: r.registered_at,
    registeredAtUs: Number(r.registered_at_us),
    channel: r.channel,
    preferences: r.preferences,
    acceptAnyInDistrict: r.accept_any,
    language: r.language,
    groupType: r.group_type,
    desiredFrom: r.desired_from,
    stopListUntil: r.stop_list_until,
    rights: r.rights,
    status: r.status,
  };
}

/** The read of one application (parameter: its id), in the rows' shape of QUEUED_COHORT_SQL. */
export const APPLICATION_ROW_SQL = `select ${COLUMNS} from applications where id = $1`;

/**
 * APPLICATION_ROW_SQL with the token of the application's cohort (cohort-versions.ts) as
 * `cohort_token`, read in one statement: the row is the cohort's as of that token.
 */
export const APPLICATION_ROW_WITH_TOKEN_SQL = `select ${COLUMNS}, ${COHORT_TOKEN} as cohort_token from applications a where id = $1`;

export async function findApplication(db: Queryable, id: string): Promise<StoredApplication | null> {
  const rows = await db.query<ApplicationRow>(APPLICATION_ROW_SQL, [id]);
  return rows[0] ? toApplication(rows[0]) : null;
}

/**
 * The read of one cohort's queue, parameters (district, birth year). Exported so that
 * the online service can answer it from its memory while the cohort is unchanged
 * (src/server/cohort-cache.ts): the rows must stay exactly what this statement returns.
 */
export const QUEUED_COHORT_SQL = `select ${COLUMNS} from applications
      where district_id = $1 and status = 'queued'
        and child_birth_date >= make_date($2, 1, 1) and child_birth_date < make_date($2 + 1, 1, 1)
      order by id collate "C"`;

/** The applications of QUEUED_COHORT_SQL's rows, as queuedCohort gives them. */
export function cohortApplications(rows: readonly unknown[]): StoredApplication[] {
  return (rows as ApplicationRow[]).map(toApplication);
}

/** The queued applications of one cohort (district + birth year). */
export async function queuedCohort(db: Queryable, district: string, birthYear: number): Promise<StoredApplication[]> {
  const rows = await db.query<ApplicationRow>(QUEUED_COHORT_SQL, [district, birthYear]);
  return rows.map(toApplication);
}

export interface LatestReferral {
  id: string;
  kindergarten: string;
  group: string;
  issuedOn: string;
  confirmBy: string;
  status: string;
}

export async function latestReferral(db: Queryable, applicationId: string): Promise<LatestReferral | null> {
  const rows = await db.query<{ id: string; kindergarten_id: string; group_id: string; issued_on: string; confirm_by: string; status: string }>(
    `select id, kindergarten_id, group_id, issued_on::text as issued_on, confirm_by::text as confirm_by, status
       from referrals where application_id = $1 order by issued_on desc, id desc limit 1`,
    [applicationId],
  );
  const r = rows[0];
  return r ? { id: r.id, kindergarten: r.kindergarten_id, group: r.group_id, issuedOn: r.issued_on, confirmBy: r.confirm_by, status: r.status } : null;
}

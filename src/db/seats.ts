import type { Queryable } from './database.js';

/** One change of a group's seats (migration 011). */
export interface SeatEvent {
  at: string;
  effectiveOn: string | null;
  kindergarten: string;
  group: string;
  actor: string;
  cause: 'report' | 'referrals' | 'returned' | 'enrolment';
  reason: string | null;
  reportedBefore: number | null;
  reportedAfter: number;
  freeBefore: number | null;
  freeAfter: number;
}

/** A kindergarten's seat history (one group, or all), oldest first. */
export async function seatHistory(q: Queryable, kindergarten: string, group?: string): Promise<SeatEvent[]> {
  const rows = await q.query<{
    at: string; effective_on: string | null; kindergarten_id: string; group_id: string; actor: string; cause: SeatEvent['cause']; reason: string | null;
    reported_before: number | null; reported_after: number; free_before: number | null; free_after: number;
  }>(
    `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, effective_on::text as effective_on, kindergarten_id, group_id,
            actor, cause, reason, reported_before, reported_after, free_before, free_after
       from seat_events
      where (kindergarten_id collate "C") = $1 and ($2::text is null or (group_id collate "C") = $2)
      order by kindergarten_id collate "C", group_id collate "C", id`,
    [kindergarten, group ?? null],
  );
  return rows.map((r) => ({
    at: r.at,
    effectiveOn: r.effective_on,
    kindergarten: r.kindergarten_id,
    group: r.group_id,
    actor: r.actor,
    cause: r.cause,
    reason: r.reason,
    reportedBefore: r.reported_before,
    reportedAfter: r.reported_after,
    freeBefore: r.free_before,
    freeAfter: r.free_after,
  }));
}

export async function kindergartenExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`select 1 from kindergartens where id = $1`, [id])).length > 0;
}

/** A declared capacity lowered with no reason given: what an audit of the reports looks for. */
export const loweredWithoutReason = (e: SeatEvent): boolean => e.cause === 'report' && e.reportedBefore !== null && e.reportedAfter < e.reportedBefore && !e.reason;

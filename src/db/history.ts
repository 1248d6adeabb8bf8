import type { Queryable } from './database.js';

export interface HistoryEvent {
  at: string;
  effectiveOn: string | null;
  entity: 'application' | 'referral';
  entityId: string;
  from: string | null;
  to: string;
  actor: string;
  reason: string;
}

/** Every event of an application and of its referrals, in the order they were recorded. */
export async function applicationHistory(q: Queryable, applicationId: string): Promise<HistoryEvent[]> {
  const rows = await q.query<{
    at: string;
    effective_on: string | null;
    entity: HistoryEvent['entity'];
    entity_id: string;
    from_status: string | null;
    to_status: string;
    actor: string;
    reason: string;
  }>(
    `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, effective_on::text as effective_on, entity, entity_id,
            from_status, to_status, actor, reason
       from events
      where (entity = 'application' and (entity_id collate "C") = $1)
         or (entity = 'referral' and (entity_id collate "C") in (select id collate "C" from referrals where application_id = $1))
      order by id`,
    [applicationId],
  );
  return rows.map((r) => ({
    at: r.at,
    effectiveOn: r.effective_on,
    entity: r.entity,
    entityId: r.entity_id,
    from: r.from_status,
    to: r.to_status,
    actor: r.actor,
    reason: r.reason,
  }));
}

import type { Queryable } from '../db/database.js';
import { QUEUED_COHORT_SQL } from '../db/queue.js';
import type { CohortCache } from './cohort-cache.js';
import { ReferenceCache } from './reference-cache.js';

/**
 * A Queryable for the services (src/online) whose cohort reads and reference
 * lists come from the server's memory (cohort-cache.ts, reference-cache.ts);
 * every other statement goes to `q` as it is.
 */
export function cachedReads(q: Queryable, cohorts: CohortCache, reference: ReferenceCache): Queryable {
  return {
    query: <R>(sql: string, params?: readonly unknown[]) => {
      if (sql === QUEUED_COHORT_SQL && params?.length === 2) return cohorts.cohortRows(q, String(params[0]), Number(params[1])) as Promise<R[]>;
      if (ReferenceCache.answers(sql)) return reference.rows(q, sql) as Promise<R[]>;
      return q.query<R>(sql, params);
    },
    copyIn: (table, columns, text) => q.copyIn(table, columns, text),
    copyOut: (sql) => q.copyOut(sql),
  };
}

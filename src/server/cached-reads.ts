import type { Queryable } from '../db/database.js';
import { APPLICATION_ROW_SQL, APPLICATION_ROW_WITH_TOKEN_SQL, QUEUED_COHORT_SQL } from '../db/queue.js';
import type { CohortCache, KnownRow } from './cohort-cache.js';
import { ReferenceCache } from './reference-cache.js';

/**
 * A Queryable for the services (src/online) whose cohort reads and reference
 * lists come from the server's memory (cohort-cache.ts, reference-cache.ts);
 * every other statement goes to `q` as it is. One per request: an
 * application's read brings its cohort's token in the same statement, and the
 * read of that cohort which follows (positionOf) uses both, so the copy is
 * checked, and brought up to date with that application when this process
 * just changed it, without a read of its own.
 */
export function cachedReads(q: Queryable, cohorts: CohortCache, reference: ReferenceCache): Queryable {
  let lastRead: KnownRow | undefined;
  return {
    query: async <R>(sql: string, params?: readonly unknown[]) => {
      if (sql === APPLICATION_ROW_SQL && params?.length === 1) {
        const rows = await q.query<{ cohort_token: string; district_id: string; birth_date: string; id: string }>(APPLICATION_ROW_WITH_TOKEN_SQL, params);
        return rows.map(({ cohort_token, ...row }) => {
          lastRead = { token: cohort_token, district: row.district_id, birthYear: Number(row.birth_date.slice(0, 4)), row };
          return row;
        }) as R[];
      }
      if (sql === QUEUED_COHORT_SQL && params?.length === 2) {
        const district = String(params[0]);
        const birthYear = Number(params[1]);
        const known = lastRead?.district === district && lastRead.birthYear === birthYear ? lastRead : undefined;
        return (await cohorts.cohortRows(q, district, birthYear, known)) as R[];
      }
      if (ReferenceCache.answers(sql)) return (await reference.rows(q, sql)) as R[];
      return q.query<R>(sql, params);
    },
    copyIn: (table, columns, text) => q.copyIn(table, columns, text),
    copyOut: (sql) => q.copyOut(sql),
  };
}

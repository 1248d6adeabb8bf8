import { raiseCohortVersion } from '../db/cohort-versions.js';
import type { Database, Queryable } from '../db/database.js';
import { enterDistrictGate, holdDistrictFromRun, isLockTimeout } from '../db/district-gate.js';
import { KezekError } from '../errors.js';

/**
 * The database a service gets for one request: the same services the command
 * line calls (src/online/*), on a Database whose reads of a cohort's queue
 * come from the server's copy and whose transactions
 *  - wait for locks at most `waitMs` (then RUN_IN_PROGRESS: the only long
 *    holder of the rows a request needs is a district's nightly transaction),
 *  - first hold the district against its nightly run when the request
 *    changes its queue (db/district-gate.ts), and
 *  - raise the versions of the cohorts they change, so that every server
 *    process knows its copy is stale once they commit.
 */
export interface WriteScope {
  /** The district whose nightly transaction this write must not overlap; null when it changes no queue. */
  district: string | null;
  /** The application whose cohort's queue the write may change (with its cohort). */
  cohorts: readonly { district: string; birthYear: number; application: string }[];
}

/** Told after a commit which version each changed cohort reached (the cohort copy follows). */
export type OnCommitted = (cohort: WriteScope['cohorts'][number], version: number) => void;

/**
 * How writes of this process wait for a district's nightly transaction: each
 * waits at most `ms`, and at most `max` wait at once. A waiting write holds a
 * connection of the pool; past `max` a write whose district the night holds
 * is answered RUN_IN_PROGRESS at once, so the writes and reads of the other
 * districts keep their connections (a night holds a few districts at a time).
 */
export class RunWaits {
  waiting = 0;
  constructor(
    readonly ms: number,
    readonly max: number,
  ) {}
}

export function serviceDatabase(db: Database, reads: Queryable, scope: WriteScope | null, waits: RunWaits, onCommitted?: OnCommitted): Database {
  const waitMs = waits.ms;
  return {
    kind: db.kind,
    query: (sql, params) => reads.query(sql, params),
    copyIn: (table, columns, text) => db.copyIn(table, columns, text),
    copyOut: (sql) => db.copyOut(sql),
    session: (fn) => db.session(fn),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const versions: number[] = [];
      let out: T;
      try {
        out = await db.transaction(async (tx) => {
          // Held against the night in the same round trip, unless a night does the district now.
          const { heldByRun } = await enterDistrictGate(tx, waitMs, scope?.district ?? null);
          if (scope?.district && heldByRun) {
            // Waiting for a night that holds the district counts; waiting for another write's commit does not.
            if (waits.waiting >= waits.max) throw runInProgress(scope.district, 0);
            waits.waiting++;
            try {
              await holdDistrictFromRun(tx, scope.district);
            } finally {
              waits.waiting--;
            }
          }
          const result = await fn(tx);
          for (const c of scope?.cohorts ?? []) versions.push(await raiseCohortVersion(tx, c.district, c.birthYear));
          return result;
        });
      } catch (e) {
        if (isLockTimeout(e)) throw runInProgress(scope?.district ?? null, waitMs, e);
        // Two transactions that met in a deadlock or a serialisation conflict: the one refused stored nothing.
        if (isRetryable(e)) throw new KezekError('CONCURRENT_CHANGE', 'the data changed during the request (another request at the same moment): nothing was stored; try again', {}, { cause: e });
        throw e;
      }
      scope?.cohorts.forEach((c, i) => onCommitted?.(c, versions[i]!));
      return out;
    },
  };
}

function runInProgress(district: string | null, waitedMs: number, cause?: unknown): KezekError {
  const held = waitedMs > 0 ? `its transaction held it over ${Math.round(waitedMs / 1000)} s` : 'too many requests are waiting for it already';
  return new KezekError(
    'RUN_IN_PROGRESS',
    `${district ? `district ${district}` : 'what this request changes'} is being allocated by the nightly run (${held}): nothing was stored; try again shortly`,
    { district },
    cause === undefined ? {} : { cause },
  );
}

/** PostgreSQL's deadlock_detected and serialization_failure. */
function isRetryable(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

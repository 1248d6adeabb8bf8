import { inRolledBackTransaction } from '../db/changes.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { calendarOf, type CalendarYear } from '../domain/calendar.js';
import { computedYear } from '../io/calendar.js';
import { replyOf, type WorkerReply } from '../pool/reply.js';
import { RuleEngines } from '../rules/engine.js';
import { computeDistrict } from './compute.js';
import { runDistrict, type DistrictBusy, type DistrictDone, type DistrictPlan } from './district.js';

/**
 * A whole district on the thread's own PostgreSQL connection (read, judge,
 * match, write, commit), so reads and writes of districts overlap across
 * threads: the mode that makes a national night fast on a server. The thread
 * keeps one connection for its lifetime (one run) and closes it on `close`.
 */
export type DistrictTask =
  | { kind: 'district'; connection: { url: string; schema?: string | undefined }; plan: DistrictPlanData }
  | { kind: 'close' };

/** A plan as it crosses to a thread: the calendar as its years (data), made again here. */
export type DistrictPlanData = Omit<DistrictPlan, 'calendar'> & { calendarYears: readonly CalendarYear[] };

const engines = new RuleEngines();
let connection: { key: string; db: Promise<Database> } | null = null;

function connect(url: string, schema?: string): Promise<Database> {
  const key = `${url}\u0000${schema ?? ''}`;
  if (connection?.key !== key) connection = { key, db: openPostgres(url, schema, 1) };
  return connection.db;
}

/** piscina entry. */
export default async function (task: DistrictTask): Promise<WorkerReply<DistrictDone | DistrictBusy | null>> {
  if (task.kind === 'close') {
    return replyOf(async () => {
      const open = connection;
      connection = null;
      if (open) await (await open.db).close();
      return null;
    });
  }
  return replyOf(
    async () => {
      const { calendarYears, ...rest } = task.plan;
      const plan: DistrictPlan = { ...rest, calendar: calendarOf(calendarYears, computedYear) };
      const db = await connect(task.connection.url, task.connection.schema);
      const compute = (req: Parameters<typeof computeDistrict>[0]) => computeDistrict(req, engines);
      return plan.runId ? db.transaction((q) => runDistrict(q, plan, compute)) : inRolledBackTransaction(db, (q) => runDistrict(q, plan, compute));
    },
    (r) => (r && !('busy' in r) ? [r.referrals, r.queue, r.refusals, r.lapses] : []),
  );
}

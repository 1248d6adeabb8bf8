import { Piscina } from 'piscina';
import type { Database } from '../db/database.js';
import { inRolledBackTransaction } from '../db/lifecycle.js';
import { openPostgres } from '../db/postgres.js';
import { computedYear } from '../calendar/load.js';
import { calendarOf, type CalendarYear } from '../domain/calendar.js';
import { isKezekError } from '../errors.js';
import { allocateDistrictJob, type DistrictBusy, type DistrictDone, type DistrictJob } from '../run/district-job.js';
import { runDistrictTask, type DistrictResult, type DistrictTask } from '../run/district-task.js';

/** What a worker is asked: judge and match data it is given, or do a whole district on its own connection. */
export type WorkerTask =
  | { kind: 'compute'; task: DistrictTask }
  | { kind: 'district'; connection: { url: string; schema?: string | undefined }; job: DistrictJobData };

/** A district job as it crosses to a thread: the calendar as its years (data), made again on the other side. */
export type DistrictJobData = Omit<DistrictJob, 'calendar'> & { calendarYears: readonly CalendarYear[] };

/** Errors cross threads as data so their codes survive. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; code: string | null; message: string };

const connections = new Map<string, Promise<Database>>();

function connect(url: string, schema?: string): Promise<Database> {
  const key = `${url}\u0000${schema ?? ''}`;
  let db = connections.get(key);
  if (!db) connections.set(key, (db = openPostgres(url, schema, 1)));
  return db;
}

/**
 * The reply with the run folder's bytes moved to the main thread rather than
 * copied (each is in a buffer of its own). piscina takes the wrapper apart and
 * the main thread receives the reply itself.
 */
function moving<T>(reply: WorkerReply<T>, bytes: Uint8Array[]): WorkerReply<T> {
  const wrapper = { [Piscina.transferableSymbol]: bytes.map((b) => b.buffer), [Piscina.valueSymbol]: reply };
  return Piscina.move(wrapper as unknown as Parameters<typeof Piscina.move>[0]) as unknown as WorkerReply<T>;
}

/** piscina entry: one task is one whole district. */
export default async function (task: WorkerTask): Promise<WorkerReply<DistrictResult | DistrictDone | DistrictBusy>> {
  try {
    if (task.kind === 'compute') {
      const r = await runDistrictTask(task.task);
      return moving({ ok: true, value: r }, [r.queueLines, r.refusalLines]);
    }
    const db = await connect(task.connection.url, task.connection.schema);
    const { calendarYears, ...rest } = task.job;
    const job: DistrictJob = { ...rest, calendar: calendarOf(calendarYears, computedYear) };
    const work = (q: Parameters<typeof allocateDistrictJob>[0]) => allocateDistrictJob(q, job, runDistrictTask);
    const r = task.job.runId ? await db.transaction(work) : await inRolledBackTransaction(db, work);
    return 'busy' in r ? { ok: true, value: r } : moving({ ok: true, value: r }, [r.referrals, r.queue, r.refusals]);
  } catch (e) {
    return { ok: false, code: isKezekError(e) ? e.code : null, message: (e as Error)?.message ?? String(e) };
  }
}

import type { Database } from '../db/database.js';
import { inRolledBackTransaction } from '../db/lifecycle.js';
import { openPostgres } from '../db/postgres.js';
import { isKezekError } from '../errors.js';
import { allocateDistrictJob, type DistrictBusy, type DistrictDone, type DistrictJob } from '../run/district-job.js';
import { runDistrictTask, type DistrictResult, type DistrictTask } from '../run/district-task.js';

/** What a worker is asked: judge and match data it is given, or do a whole district on its own connection. */
export type WorkerTask =
  | { kind: 'compute'; task: DistrictTask }
  | { kind: 'district'; connection: { url: string; schema?: string | undefined }; job: DistrictJob };

/** Errors cross threads as data so their codes survive. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; code: string | null; message: string };

const connections = new Map<string, Promise<Database>>();

function connect(url: string, schema?: string): Promise<Database> {
  const key = `${url}\u0000${schema ?? ''}`;
  let db = connections.get(key);
  if (!db) connections.set(key, (db = openPostgres(url, schema, 1)));
  return db;
}

/** piscina entry: one task is one whole district. */
export default async function (task: WorkerTask): Promise<WorkerReply<DistrictResult | DistrictDone | DistrictBusy>> {
  try {
    if (task.kind === 'compute') return { ok: true, value: await runDistrictTask(task.task) };
    const db = await connect(task.connection.url, task.connection.schema);
    const work = (q: Parameters<typeof allocateDistrictJob>[0]) => allocateDistrictJob(q, task.job, runDistrictTask);
    return { ok: true, value: task.job.runId ? await db.transaction(work) : await inRolledBackTransaction(db, work) };
  } catch (e) {
    return { ok: false, code: isKezekError(e) ? e.code : null, message: (e as Error)?.message ?? String(e) };
  }
}

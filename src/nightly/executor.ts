import { inRolledBackTransaction } from '../db/changes.js';
import type { Database } from '../db/database.js';
import { startThreadPool, type ThreadPool } from '../pool/thread-pool.js';
import { RuleEngines } from '../rules/engine.js';
import { computeDistrict, type ComputeRequest, type ComputeResult } from './compute.js';
import { runDistrict, type Compute, type DistrictBusy, type DistrictDone, type DistrictPlan } from './district.js';
import type { DistrictTask } from './worker-district.js';

/** How a district of a run is done: here, with the compute step in threads, or whole in threads on their own connections. */
export interface DistrictExecutor {
  /** Threads working (0: everything in this thread). */
  readonly threads: number;
  /** One district's night: done, or busy in another process. */
  attempt(plan: DistrictPlan): Promise<DistrictDone | DistrictBusy>;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  workers: number;
  /** A PostgreSQL server the threads may connect to themselves. */
  connection?: { url: string; schema?: string | undefined } | undefined;
}

// A district's queue lives while it is judged and matched: with V8's default young
// generation most of it is copied by two scavenges before it dies. 192 MB lets a
// district be done between scavenges (2 M applications, --workers 2: GC 9.0 s -> 3.8 s
// of CPU, peak RSS 550 -> 690 MB).
const YOUNG_GENERATION_MB = 192;

/**
 * One worker: everything in this thread. On a PostgreSQL server with worker
 * threads: each thread does whole districts on its own connection (read,
 * judge, match, write, commit) and sends back only the finished lines. On the
 * embedded database (one connection, in this process) this thread reads and
 * writes and the threads judge and match: the queue goes to a thread as the
 * bytes it was read as (moved, not copied).
 */
export function districtExecutor(db: Database, o: ExecutorOptions): DistrictExecutor {
  const inTransaction = (plan: DistrictPlan, compute: Compute) =>
    plan.runId ? db.transaction((q) => runDistrict(q, plan, compute)) : inRolledBackTransaction(db, (q) => runDistrict(q, plan, compute));
  if (o.workers <= 1) {
    const engines = new RuleEngines();
    const compute = (req: ComputeRequest) => computeDistrict(req, engines);
    return { threads: 0, attempt: (plan) => inTransaction(plan, compute), close: async () => {} };
  }
  if (o.connection && db.kind === 'postgres') {
    const connection = o.connection;
    const pool = startThreadPool({ entry: 'nightly/worker-district.js', threads: o.workers, youngGenerationMb: YOUNG_GENERATION_MB });
    return {
      threads: o.workers,
      attempt: ({ calendar, ...plan }) =>
        pool.run<DistrictDone | DistrictBusy>({ kind: 'district', connection, plan: { ...plan, calendarYears: calendar.given } } satisfies DistrictTask),
      close: () => closeConnections(pool),
    };
  }
  const pool = startThreadPool({ entry: 'nightly/worker-compute.js', threads: o.workers, youngGenerationMb: YOUNG_GENERATION_MB });
  const compute = (req: ComputeRequest) => {
    // A buffer of its own, moved to the thread (a small Buffer can be a slice of Node's shared pool, which must not be moved away).
    const queue = req.queue.byteOffset === 0 && req.queue.byteLength === req.queue.buffer.byteLength ? req.queue : new Uint8Array(req.queue);
    return pool.run<ComputeResult>({ ...req, queue }, [queue.buffer as ArrayBuffer]);
  };
  return { threads: o.workers, attempt: (plan) => inTransaction(plan, compute), close: () => pool.close() };
}

/**
 * Each thread holds one connection for the run: as many close tasks as
 * threads, sent at once, reach every idle thread (a thread that got none has
 * its connection closed by its end).
 */
async function closeConnections(pool: ThreadPool): Promise<void> {
  await Promise.all(Array.from({ length: pool.threads }, () => pool.run<null>({ kind: 'close' } satisfies DistrictTask)));
  await pool.close();
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { KezekError, type ErrorCode } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { DistrictBusy, DistrictDone, DistrictJob } from '../run/district-job.js';
import { runDistrictTask, type DistrictResult, type DistrictTask } from '../run/district-task.js';
import type { WorkerReply, WorkerTask } from './worker.js';

export interface DistrictRunner {
  readonly threads: number;
  /** Judge and match one district's data (in a worker, or in this thread with one worker). */
  compute(task: DistrictTask): Promise<DistrictResult>;
  /** A whole district on the worker's own PostgreSQL connection. */
  job(connection: { url: string; schema?: string | undefined }, job: DistrictJob): Promise<DistrictDone | DistrictBusy>;
  close(): Promise<void>;
}

function unwrap<T>(reply: WorkerReply<T>): T {
  if (reply.ok) return reply.value;
  if (reply.code) throw new KezekError(reply.code as ErrorCode, reply.message);
  throw new Error(reply.message);
}

/**
 * piscina threads for coarse tasks only: a task is a whole district, never
 * one child. With one worker everything runs in this thread.
 */
export function districtRunner(workers: number): DistrictRunner {
  if (workers <= 1) {
    return {
      threads: 0,
      compute: runDistrictTask,
      job: () => Promise.reject(new Error('no worker threads')),
      close: async () => {},
    };
  }
  const filename = join(packageRoot(), 'dist', 'src', 'pool', 'worker.js');
  if (!existsSync(filename)) throw new Error(`worker file ${filename} is missing: run npm run build`);
  // A district's queue lives while it is judged and matched: with V8's default young
  // generation most of it is copied by two scavenges before it dies. 192 MB lets a
  // district be done between scavenges (2 M applications, --workers 2: GC 9.0 s -> 3.8 s
  // of CPU, peak RSS 550 -> 690 MB).
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 1000, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  const run = async <T>(task: WorkerTask, transferList: ArrayBuffer[] = []): Promise<T> => unwrap((await pool.run(task, { transferList })) as WorkerReply<T>);
  return {
    threads: workers,
    compute: (task) => {
      // The queue's bytes are moved to the worker, not copied: a buffer of its own (a small
      // Buffer can be a slice of Node's shared pool, which must not be moved away).
      const queue = task.queue.byteOffset === 0 && task.queue.byteLength === task.queue.buffer.byteLength ? task.queue : new Uint8Array(task.queue);
      return run<DistrictResult>({ kind: 'compute', task: { ...task, queue } }, [queue.buffer as ArrayBuffer]);
    },
    job: (connection, { calendar, ...job }) => run<DistrictDone | DistrictBusy>({ kind: 'district', connection, job: { ...job, calendarYears: calendar.given } }),
    close: () => pool.destroy(),
  };
}

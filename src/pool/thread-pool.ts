import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { KezekError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { fromReply, type WorkerReply } from './reply.js';

/**
 * piscina threads for coarse tasks (a task is a whole district, never one
 * child). The pool knows nothing of what its entry does: the entry is a
 * module's default export, built to `dist/` (see nightly/worker-*.ts).
 */
export interface ThreadPool {
  readonly threads: number;
  /** Runs one task; buffers in `transferList` are moved to the thread, not copied. */
  run<T>(task: unknown, transferList?: ArrayBuffer[]): Promise<T>;
  /** Waits for tasks in flight, then stops the threads. */
  close(): Promise<void>;
}

export interface ThreadPoolOptions {
  /** The entry module, relative to src/ (e.g. `nightly/worker-compute.js`); it runs from dist/. */
  entry: string;
  threads: number;
  /** V8's young generation of each thread, in MB (a district's queue dies young; see the callers). */
  youngGenerationMb?: number;
}

export function startThreadPool(o: ThreadPoolOptions): ThreadPool {
  const filename = join(packageRoot(), 'dist', 'src', o.entry);
  if (!existsSync(filename)) throw new KezekError('INSTALL_BROKEN', `worker file ${filename} is missing: run npm run build`);
  const pool = new Piscina({
    filename,
    minThreads: o.threads,
    maxThreads: o.threads,
    idleTimeout: 1000,
    ...(o.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: o.youngGenerationMb } } : {}),
  });
  return {
    threads: o.threads,
    run: async <T>(task: unknown, transferList: ArrayBuffer[] = []) => fromReply((await pool.run(task, { transferList })) as WorkerReply<T>),
    close: () => pool.close(),
  };
}

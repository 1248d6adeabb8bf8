import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { DistrictOutcome } from '../allocation/allocate.js';
import { packageRoot } from '../paths.js';
import { runDistrictTask, type DistrictTask } from '../run/district-task.js';

export interface DistrictRunner {
  run(task: DistrictTask): Promise<DistrictOutcome>;
  close(): Promise<void>;
}

/**
 * Runs district tasks on `workers` threads (piscina), or in this thread when
 * workers is 1. A task is a whole district: coarse enough that the cost of
 * sending it to a thread is small next to the work.
 */
export function districtRunner(workers: number): DistrictRunner {
  if (workers <= 1) return { run: runDistrictTask, close: async () => {} };
  const filename = join(packageRoot(), 'dist', 'src', 'pool', 'worker.js');
  if (!existsSync(filename)) throw new Error(`worker file ${filename} is missing: run npm run build`);
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers });
  return {
    run: (task) => pool.run(task) as Promise<DistrictOutcome>,
    close: () => pool.destroy(),
  };
}

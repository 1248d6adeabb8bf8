import type { DistrictOutcome } from '../allocation/allocate.js';
import { runDistrictTask, type DistrictTask } from '../run/district-task.js';

/** piscina entry: one task is one whole district. */
export default function (task: DistrictTask): Promise<DistrictOutcome> {
  return runDistrictTask(task);
}

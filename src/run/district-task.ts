import { allocateDistrict, type DistrictOutcome } from '../allocation/allocate.js';
import type { Application, Place } from '../domain/types.js';
import { judgeAll, type EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/** One district's work between read and write: judge every application, then allocate. */
export interface DistrictTask {
  district: string;
  date: string;
  places: Place[];
  applications: Application[];
  rules: RuleSet;
  engine: EngineName;
}

export async function runDistrictTask(task: DistrictTask): Promise<DistrictOutcome> {
  const evaluations = await judgeAll(task.rules, task.engine, task.applications, task.date);
  return allocateDistrict(
    { district: task.district, places: task.places, applications: task.applications, evaluations },
    { date: task.date, quota: task.rules.parameters.primaryQuota },
  );
}

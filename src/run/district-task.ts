import { allocateDistrict, type DistrictOutcome } from '../allocation/allocate.js';
import type { Application, Place } from '../domain/types.js';
import { referenceEvaluator, type RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/** One district's work between read and write: judge every application, then allocate. */
export interface DistrictTask {
  district: string;
  date: string;
  places: Place[];
  applications: Application[];
  rules: RuleSet;
}

const evaluators = new Map<string, RuleEvaluator>();

function evaluatorFor(rules: RuleSet): RuleEvaluator {
  let e = evaluators.get(rules.hash);
  if (!e) evaluators.set(rules.hash, (e = referenceEvaluator(rules)));
  return e;
}

export async function runDistrictTask(task: DistrictTask): Promise<DistrictOutcome> {
  const evaluator = evaluatorFor(task.rules);
  const evaluations = [];
  // One at a time: json-rules-engine is much slower under a large Promise.all fan-out.
  for (const app of task.applications) evaluations.push(await evaluator.evaluate(app, task.date));
  return allocateDistrict(
    { district: task.district, places: task.places, applications: task.applications, evaluations },
    { date: task.date, quota: task.rules.parameters.primaryQuota },
  );
}

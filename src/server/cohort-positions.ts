import { queueNumbers } from '../allocation/allocate.js';
import type { StoredApplication } from '../db/queue.js';
import type { Category, Evaluation } from '../domain/types.js';
import { candidateAt, type Position } from '../online/position.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';

/**
 * Every queued application's position in one cohort at a date, at once:
 * what positionOf (src/online/position.ts, the definition, which `kezek
 * position`, explain and the registration notice call) answers for each of
 * them, by the same steps (the rules at the date, candidateAt, queueNumbers),
 * but judging and ordering the cohort once instead of once per child. A
 * lookup then costs a map access instead of judging a few thousand
 * applications (500 lookups a second on two cores). A differential test holds
 * it to positionOf for every member of generated cohorts.
 */
export async function cohortPositions(apps: readonly StoredApplication[], evaluator: RuleEvaluator, quota: readonly [number, number], date: string): Promise<Map<string, Position>> {
  const out = new Map<string, Position>();
  const candidates: { app: StoredApplication; evaluation: Evaluation }[] = [];
  for (const app of apps) {
    const evaluation = evaluator.evaluateNow?.(app, date) ?? (await evaluator.evaluate(app, date));
    if (!evaluation.eligible) out.set(app.id, { application: app.id, state: 'refused', reasons: evaluation.reasons });
    else if (app.desiredFrom > date)
      out.set(app.id, { application: app.id, state: 'waiting', why: 'desired_from', until: app.desiredFrom, category: evaluation.category, rights: evaluation.rights });
    else if (!candidateAt(app, date))
      out.set(app.id, { application: app.id, state: 'waiting', why: 'stop_list', until: app.stopListUntil!, category: evaluation.category, rights: evaluation.rights });
    else candidates.push({ app, evaluation });
  }
  const order = queueNumbers(candidates, quota);
  const ahead: Record<Category, number> = { extraordinary: 0, primary: 0, general: 0 };
  order.forEach(({ app, evaluation }, i) => {
    out.set(app.id, {
      application: app.id,
      state: 'queued',
      district: app.district,
      birthYear: Number(app.birthDate.slice(0, 4)),
      category: evaluation.category,
      rights: evaluation.rights,
      queueNumber: i + 1,
      cohortSize: order.length,
      ahead: { ...ahead },
    });
    ahead[evaluation.category]++;
  });
  return out;
}

import { queueNumbers } from '../allocation/allocate.js';
import type { Queryable } from '../db/database.js';
import { findApplication, latestReferral, queuedCohort, type LatestReferral } from '../db/queue.js';
import type { Application, Category, Evaluation } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/** Where an application stands at a date, with what is ahead of it. */
export type Position =
  | { application: string; state: 'not_queued'; status: string; referral: LatestReferral | null }
  | { application: string; state: 'refused'; reasons: string[] }
  | { application: string; state: 'waiting'; why: 'desired_from' | 'stop_list'; until: string; category: Category; rights: string[] }
  | {
      application: string;
      state: 'queued';
      district: string;
      birthYear: number;
      category: Category;
      rights: string[];
      queueNumber: number;
      cohortSize: number;
      /** Candidates ahead of this one, by category. */
      ahead: Record<Category, number>;
    };

/** True when an eligible queued application is a candidate at the date (allocation.md step 3). */
export function candidateAt(app: Application, date: string): boolean {
  return app.desiredFrom <= date && (app.stopListUntil === null || app.stopListUntil < date);
}

/**
 * The current queue number: the application's place in its cohort's service
 * order over the queued candidates at the date (step 6, as if every one were served).
 */
export async function positionOf(db: Queryable, rules: RuleSet, evaluator: RuleEvaluator, id: string, date: string): Promise<Position> {
  const app = await findApplication(db, id);
  if (!app) throw new NotFoundError('application', id);
  if (app.status !== 'queued') return { application: id, state: 'not_queued', status: app.status, referral: await latestReferral(db, id) };
  const own = await evaluator.evaluate(app, date);
  if (!own.eligible) return { application: id, state: 'refused', reasons: own.reasons };
  if (app.desiredFrom > date) return { application: id, state: 'waiting', why: 'desired_from', until: app.desiredFrom, category: own.category, rights: own.rights };
  if (!candidateAt(app, date))
    return { application: id, state: 'waiting', why: 'stop_list', until: app.stopListUntil!, category: own.category, rights: own.rights };

  const birthYear = Number(app.birthDate.slice(0, 4));
  const cohort: { app: Application; evaluation: Evaluation }[] = [];
  for (const other of await queuedCohort(db, app.district, birthYear)) {
    const evaluation = other.id === id ? own : (evaluator.evaluateNow?.(other, date) ?? (await evaluator.evaluate(other, date)));
    if (evaluation.eligible && candidateAt(other, date)) cohort.push({ app: other, evaluation });
  }
  const order = queueNumbers(cohort, rules.parameters.primaryQuota);
  const index = order.findIndex((c) => c.app.id === id);
  const ahead: Record<Category, number> = { extraordinary: 0, primary: 0, general: 0 };
  for (let i = 0; i < index; i++) ahead[order[i]!.evaluation.category]++;
  return {
    application: id,
    state: 'queued',
    district: app.district,
    birthYear,
    category: own.category,
    rights: own.rights,
    queueNumber: index + 1,
    cohortSize: order.length,
    ahead,
  };
}

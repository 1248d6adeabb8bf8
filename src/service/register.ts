import { readFileSync } from 'node:fs';
import type { Database } from '../db/database.js';
import { knownDistricts, knownKindergartens, upsertApplications } from '../db/imports.js';
import { findApplication } from '../db/queue.js';
import { InputError, KezekError } from '../errors.js';
import { checkApplication } from '../input/validate.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { positionOf, type Position } from './position.js';

export interface Notice {
  application: string;
  /** `refused` with reasons, or `registered` with the queue position. */
  outcome: 'refused' | 'registered';
  reasons: string[];
  position: Position | null;
}

/** Now as an instant in Kazakhstan's time (UTC+05:00), for applications without registeredAt. */
export function nowInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+05:00');
}

/**
 * `kezek register FILE`: one application now. It is validated like an
 * imported line, judged by the rules at the date, stored (as `refused` when
 * ineligible) and answered with the notice the service passport promises.
 */
export async function registerApplication(
  db: Database,
  file: string,
  rules: RuleSet,
  evaluator: RuleEvaluator,
  date: string,
  actor: string,
): Promise<Notice> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file, line: 1 });
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (obj.registeredAt === undefined) obj.registeredAt = nowInKazakhstan();
  }
  const checked = checkApplication(value, {
    districts: await knownDistricts(db),
    kindergartens: await knownKindergartens(db),
    maxPreferences: rules.parameters.maxPreferences,
    knownRights: rules.knownRights,
  });
  if (!checked.ok) throw new InputError(`${checked.reject.reason}: ${checked.reject.message}`, { file, line: 1 });
  const record = checked.value;
  if (await findApplication(db, record.id)) throw new KezekError('INPUT_INVALID', `${file}: application ${record.id} is already registered`);

  const evaluation = await evaluator.evaluate(
    { ...record, district: record.district, status: 'queued' },
    date,
  );
  const status = evaluation.eligible ? 'queued' : 'refused';
  await db.transaction((tx) => upsertApplications(tx, [{ ...record, status, statusGiven: true }], actor));
  if (!evaluation.eligible) return { application: record.id, outcome: 'refused', reasons: evaluation.reasons, position: null };
  return { application: record.id, outcome: 'registered', reasons: [], position: await positionOf(db, rules, evaluator, record.id, date) };
}

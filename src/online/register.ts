import type { Database, Queryable } from '../db/database.js';
import { insertNewApplication, knownDistricts, knownKindergartens, registrationClash } from '../db/imports.js';
import { InputError, KezekError } from '../errors.js';
import { lineProblem } from '../intake/line-guard.js';
import { checkApplication } from '../intake/lines.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { jsonErrorWithPlace } from '../rules/guard.js';
import { positionOf, type Position } from './position.js';

/** One application is a few KiB; the online service takes at most this much (api.md: 413 above). */
export const MAX_APPLICATION_BYTES = 64 * 1024;

export interface Notice {
  application: string;
  /** `refused` with reasons, or `registered` with the queue position. */
  outcome: 'refused' | 'registered';
  reasons: string[];
  position: Position | null;
  /** True when this id was registered before with the same content: the same notice again. */
  repeated: boolean;
}

/** Now as an instant in Kazakhstan's time (UTC+05:00), for applications without registeredAt. */
export function nowInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+05:00');
}

/** The registration instant of a registration on `date`: that day, at the time of day it is now in Kazakhstan. */
export function registrationInstant(date: string, now = new Date()): string {
  return `${date}${nowInKazakhstan(now).slice(10)}`;
}

/**
 * `kezek register FILE` (and the portal's POST): one application now. It is
 * validated like an imported line, judged by the rules at the date, stored
 * (as `refused` when ineligible) and answered with the notice the service
 * passport promises. Atomic under races: of two registrations of one id at
 * once exactly one is stored, and the other is told the truth: the same
 * notice when the content is the same, ID_CONFLICT when not. A child with a
 * live application gets DUPLICATE_CHILD naming it.
 */
export async function registerApplication(
  db: Database,
  text: string,
  source: string,
  rules: RuleSet,
  evaluator: RuleEvaluator,
  date: string,
  actor: string,
): Promise<Notice> {
  if (Buffer.byteLength(text, 'utf8') > MAX_APPLICATION_BYTES) throw new InputError(`larger than ${MAX_APPLICATION_BYTES / 1024} KiB`, { file: source, reason: 'too_large' });
  let given: unknown;
  try {
    given = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${jsonErrorWithPlace(text, (e as Error).message)}`, { file: source, reason: 'invalid_json' });
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new InputError('not_object: an application is a JSON object', { file: source, reason: 'not_object' });
  const problem = lineProblem(given);
  if (problem) throw new InputError(`${problem.reason}: ${problem.message}`, { file: source, reason: problem.reason, ...(problem.field ? { field: problem.field } : {}) });
  const value = { ...(given as Record<string, unknown>) };
  if (value.registeredAt === undefined) value.registeredAt = registrationInstant(date);
  const checked = checkApplication(value, {
    districts: await knownDistricts(db),
    kindergartens: await knownKindergartens(db),
    maxPreferences: rules.parameters.maxPreferences,
    knownRights: rules.knownRights,
  });
  if (!checked.ok) throw new InputError(`${checked.reject.reason}: ${checked.reject.message}`, { file: source, reason: checked.reject.reason, ...(checked.reject.field ? { field: checked.reject.field } : {}) });
  const record = checked.value;
  const evaluation = await evaluator.evaluate({ ...record, status: 'queued' }, date);
  const status = evaluation.eligible ? 'queued' : 'refused';

  const repeated = await db.transaction(async (tx) => {
    await lockRegistration(tx, record.id, record.childIin);
    const { stored, existing } = await registrationClash(tx, record.id, record.childIin);
    if (stored) {
      if (canonical(stored.given) !== canonical(given)) {
        throw new KezekError('ID_CONFLICT', `application ${record.id} is already registered with other content`, { id: record.id });
      }
      return true;
    }
    if (existing) throw new KezekError('DUPLICATE_CHILD', `the child already has a live application: ${existing}`, { existing, field: 'child.iin' });
    await insertNewApplication(tx, { ...record, status, statusGiven: true, rawText: text }, actor, date);
    return false;
  });
  if (!evaluation.eligible) return { application: record.id, outcome: 'refused', reasons: evaluation.reasons, position: null, repeated };
  return { application: record.id, outcome: 'registered', reasons: [], position: await positionOf(db, rules, evaluator, record.id, date), repeated };
}

/** The registration's own lock, and the child's: two registrations of one id, or of one child, take turns. */
async function lockRegistration(tx: Queryable, id: string, childIin: string): Promise<void> {
  await tx.query(
    `select pg_advisory_xact_lock(1805, hashtext(current_schema() || '/' || $1)), pg_advisory_xact_lock(1806, hashtext(current_schema() || '/' || $2))`,
    [id, childIin],
  );
}

/** JSON with keys sorted at every level: the same content gives the same text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

import type { Queryable } from '../db/database.js';
import { districtGroups, referralUpTo, storedQueueNumber, type DistrictGroup, type StoredNumber, type StoredReferral } from '../db/explain.js';
import { findApplication } from '../db/queue.js';
import { provisionalYears, type Calendar } from '../domain/calendar.js';
import type { Application, Evaluation } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import { fastestEvaluator } from '../rules/engine.js';
import { traceEvaluation, type RuleTrace } from '../rules/rule-trace.js';
import type { RuleSet } from '../rules/ruleset.js';
import { positionOf, type Position } from './position.js';

/**
 * `kezek explain`: every decision about one application at a date, as data
 * (the text in three languages is made from it in src/i18n). Nothing personal
 * beyond the application id: no IIN, no names.
 */
export type PlaceVerdict =
  /** The kindergarten has no groups on offer at all. */
  | 'no_places'
  | 'no_group_for_birth_year'
  | 'no_group_in_language'
  | 'no_group_of_type'
  /** Fitting groups exist but every seat is taken (by children ahead). */
  | 'seats_taken'
  /** A fitting seat is free now: the next nightly allocation considers it. */
  | 'free_now';

export interface PreferenceVerdict {
  /** 1..n, or 0 for "any kindergarten in the district". */
  rank: number;
  kindergarten: string | null;
  verdict: PlaceVerdict;
  /** Fitting groups (for seats_taken / free_now). */
  groups: string[];
}

export interface Explanation {
  application: string;
  date: string;
  district: string;
  birthYear: number;
  language: Application['language'];
  groupType: Application['groupType'];
  status: Application['status'];
  rules: { version: string; hash: string };
  evaluation: Evaluation;
  /** Right categories whose proof expired by the date (not counted). */
  expiredRights: string[];
  ruleTraces: RuleTrace[];
  /** Live position at the date (the same as `kezek position`). */
  position: Position;
  /** What the latest nightly run on or before the date stored. */
  storedNumber: StoredNumber | null;
  referral: StoredReferral | null;
  /**
   * Hashes of stored runs' rules (referral, queue number) that no set of the
   * rules folder has: those runs cannot be re-run exactly until that version is restored.
   */
  missingRules: string[];
  /** Years without a recorded decree on days off that the live referral's deadline runs through (empty when final). */
  provisionalYears: number[];
  /** Filled when no referral was given and the application is queued. */
  preferences: PreferenceVerdict[];
  acceptAnyInDistrict: boolean;
}

/** Pure: why a kindergarten (or the whole district, with kindergarten null) has no seat for the application. */
export function placeVerdict(app: Application, groups: readonly DistrictGroup[], kindergarten: string | null): { verdict: PlaceVerdict; groups: string[] } {
  const birthYear = Number(app.birthDate.slice(0, 4));
  const here = kindergarten === null ? groups : groups.filter((g) => g.kindergarten === kindergarten);
  if (!here.length) return { verdict: 'no_places', groups: [] };
  const year = here.filter((g) => g.birthYear === birthYear);
  if (!year.length) return { verdict: 'no_group_for_birth_year', groups: [] };
  const lang = year.filter((g) => g.language === app.language);
  if (!lang.length) return { verdict: 'no_group_in_language', groups: [] };
  const fit = lang.filter((g) => g.groupType === app.groupType);
  if (!fit.length) return { verdict: 'no_group_of_type', groups: [] };
  const names = fit.map((g) => (kindergarten === null ? `${g.kindergarten}/${g.group}` : g.group));
  return { verdict: fit.some((g) => g.seats > 0) ? 'free_now' : 'seats_taken', groups: names };
}

/** `knownHashes`: the hashes of every rule set of the rules folder (to tell whether a past run's rules are still there). */
export async function explainApplication(
  db: Queryable,
  rules: RuleSet,
  calendar: Calendar,
  id: string,
  date: string,
  knownHashes?: ReadonlySet<string>,
): Promise<Explanation> {
  const app = await findApplication(db, id);
  if (!app) throw new NotFoundError('application', id);
  // The rules judge the application as if it were queued, so a refused or offered one is explained the same way.
  const trace = await traceEvaluation(rules, { ...app, status: 'queued' }, date);
  const position = await positionOf(db, rules, fastestEvaluator(rules), id, date);
  const referral = await referralUpTo(db, id, date);
  const storedNumber = await storedQueueNumber(db, id, app.district, date);
  let preferences: PreferenceVerdict[] = [];
  if (app.status === 'queued' && trace.evaluation.eligible) {
    const groups = await districtGroups(db, app.district);
    preferences = app.preferences.map((kg, i) => ({ rank: i + 1, kindergarten: kg, ...placeVerdict(app, groups, kg) }));
    if (app.acceptAnyInDistrict) preferences.push({ rank: 0, kindergarten: null, ...placeVerdict(app, groups, null) });
  }
  return {
    application: id,
    date,
    district: app.district,
    birthYear: Number(app.birthDate.slice(0, 4)),
    language: app.language,
    groupType: app.groupType,
    status: app.status,
    rules: { version: rules.version, hash: rules.hash },
    evaluation: trace.evaluation,
    expiredRights: trace.facts.expiredRights,
    ruleTraces: trace.rules,
    position,
    storedNumber,
    referral,
    provisionalYears: referral && (referral.status === 'offered' || referral.status === 'confirmed') ? provisionalYears(calendar, referral.issuedOn, referral.confirmBy) : [],
    missingRules: [...new Set([referral?.rulesHash, storedNumber?.rulesHash])].filter((h): h is string => !!h && !!knownHashes && !knownHashes.has(h)),
    preferences,
    acceptAnyInDistrict: app.acceptAnyInDistrict,
  };
}

import type { Queryable } from '../db/database.js';
import { districtGroups, storedQueueNumber, type DistrictGroup, type StoredNumber } from '../db/explain.js';
import type { Calendar } from '../domain/calendar.js';
import type { Application, Evaluation } from '../domain/types.js';
import { traceEvaluation, type RuleTrace } from '../rules/rule-trace.js';
import type { RuleSet } from '../rules/ruleset.js';
import { onlyRules, standingOf, type RulesAt, type Standing } from './standing.js';

/**
 * `kezek explain`: every decision about one application at a date, as data
 * (the text in three languages is made from it in src/i18n). Nothing personal
 * beyond the application id: no IIN, no child's name.
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
  /** The kindergarten's name (null for "any kindergarten in the district"). */
  name: string | null;
  verdict: PlaceVerdict;
  /** Fitting groups (for seats_taken / free_now). */
  groups: string[];
}

/**
 * Everything about one application at a date: where it stands (the same as
 * `position`, with names), what the rules make of it and why, comparison by
 * comparison, and, without a referral, why each choice has no seat.
 */
export interface Explanation extends Standing {
  evaluation: Evaluation;
  /** Right categories whose proof expired by the date (not counted). */
  expiredRights: string[];
  ruleTraces: RuleTrace[];
  /** What the latest nightly run on or before the date stored. */
  storedNumber: StoredNumber | null;
  /**
   * Hashes of stored runs' rules (referral, queue number) that no set of the
   * rules folder has: those runs cannot be re-run exactly until that version is restored.
   */
  missingRules: string[];
  /** Filled when the application is a candidate in the queue at the date. */
  preferenceVerdicts: PreferenceVerdict[];
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

/**
 * `knownHashes`: the hashes of every rule set of the rules folder (to tell
 * whether a past run's rules are still there); `rulesAt`: the rule sets by
 * date (why an application refused at registration was refused then).
 */
export async function explainApplication(
  db: Queryable,
  rules: RuleSet,
  calendar: Calendar,
  id: string,
  date: string,
  knownHashes?: ReadonlySet<string>,
  rulesAt: RulesAt = onlyRules(rules),
): Promise<Explanation> {
  const { standing, app } = await standingOf(db, rules, calendar, id, date, rulesAt);
  // The rules judge the application as if it were queued, so a refused or offered one is explained the same way.
  const trace = await traceEvaluation(rules, { ...app, status: 'queued' }, date);
  const storedNumber = await storedQueueNumber(db, id, app.district, date);
  let preferenceVerdicts: PreferenceVerdict[] = [];
  // Why no seat yet matters to a candidate: one waiting (stop list, later start) or refused is told why it waits instead.
  if (standing.situation.kind === 'queued' && standing.position.state === 'queued') {
    const groups = await districtGroups(db, app.district);
    preferenceVerdicts = standing.preferences.map((kg, i) => ({ rank: i + 1, kindergarten: kg.id, name: kg.name, ...placeVerdict(app, groups, kg.id) }));
    if (app.acceptAnyInDistrict) preferenceVerdicts.push({ rank: 0, kindergarten: null, name: null, ...placeVerdict(app, groups, null) });
  }
  return {
    ...standing,
    evaluation: trace.evaluation,
    expiredRights: trace.facts.expiredRights,
    ruleTraces: trace.rules,
    storedNumber,
    missingRules: [...new Set([standing.referral?.rulesHash, storedNumber?.rulesHash])].filter((h): h is string => !!h && !!knownHashes && !knownHashes.has(h)),
    preferenceVerdicts,
  };
}

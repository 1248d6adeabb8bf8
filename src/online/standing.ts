import type { Queryable } from '../db/database.js';
import { referralUpTo, storedPositionOn, storedQueueNumber, type StoredReferral } from '../db/explain.js';
import { applicationLife, districtName, kindergartenNames, nightlyRefusal, type ApplicationLife } from '../db/notices.js';
import { findApplication, type StoredApplication } from '../db/queue.js';
import { provisionalYears, type Calendar } from '../domain/calendar.js';
import type { ApplicationStatus, GroupType, Language } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import { fastestEvaluator } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { positionOf, type Position } from './position.js';
import { referralDeadlines, situationOf, statusAt, type ReferralDeadlines, type Situation } from './situation.js';

/** The rule set in force at a date (a RuleLibrary, or one set for every date). */
export interface RulesAt {
  at(date: string): RuleSet;
}

export const onlyRules = (rules: RuleSet): RulesAt => ({ at: () => rules });

/** A referral as the family is told of it: with the kindergarten's name and its deadlines. */
export interface ReferralView extends StoredReferral {
  kindergartenName: string;
  deadlines: ReferralDeadlines;
}

/**
 * Where one application stands at a date, with the names a person reads:
 * what `position`, `explain` and the documents all begin from. Nothing
 * personal (no IIN, no name): the documents add the child's name themselves.
 */
export interface Standing {
  application: string;
  date: string;
  district: { id: string; name: string };
  birthYear: number;
  language: Language;
  groupType: GroupType;
  /** The kindergartens chosen, in order, with their names. */
  preferences: { id: string; name: string }[];
  acceptAnyInDistrict: boolean;
  status: ApplicationStatus;
  registeredOn: string;
  position: Position;
  referral: ReferralView | null;
  situation: Situation;
  /** Years without a recorded decree on days off that the live referral's deadlines run through. */
  provisionalYears: number[];
  /** The rule set in force at the date: its version, and its parameters (what the texts quote). */
  rules: { version: string; hash: string };
}

/** The application, its lifecycle fields and its standing at the date. */
export async function standingOf(db: Queryable, rules: RuleSet, calendar: Calendar, id: string, date: string, rulesAt: RulesAt = onlyRules(rules)): Promise<{ standing: Standing; app: StoredApplication; life: ApplicationLife }> {
  const app = await findApplication(db, id);
  const life = await applicationLife(db, id);
  if (!app || !life) throw new NotFoundError('application', id);
  let position = await positionOf(db, rules, fastestEvaluator(rules), id, date);
  const referral = await referralUpTo(db, id, date);
  // Queued at a past date but not now (referred since, or gone): the number that day's night stored, if any.
  if (position.state === 'not_queued' && statusAt(life, referral, date) === 'queued') position = (await storedPosition(db, app, date)) ?? position;
  const refusalReasons = app.status === 'refused' || app.status === 'aged_out' ? await refusalReasonsOf(db, app, life, date, rules, rulesAt) : [];
  const situation = situationOf({ date, life, referral, position, refusalReasons, calendar, params: rules.parameters });
  const names = await kindergartenNames(db, [...app.preferences, ...(referral ? [referral.kindergarten] : [])]);
  const live = referral && (referral.status === 'offered' || referral.status === 'confirmed');
  const deadlines = referral ? referralDeadlines(referral, calendar, rules.parameters) : null;
  const lastDeadline = deadlines ? [deadlines.confirmBy, deadlines.proofBy, deadlines.enrollBy].filter((d): d is string => !!d).sort().at(-1)! : null;
  const standing: Standing = {
    application: id,
    date,
    district: { id: app.district, name: (await districtName(db, app.district)) ?? app.district },
    birthYear: Number(app.birthDate.slice(0, 4)),
    language: app.language,
    groupType: app.groupType,
    preferences: app.preferences.map((k) => ({ id: k, name: names.get(k) ?? k })),
    acceptAnyInDistrict: app.acceptAnyInDistrict,
    status: app.status,
    registeredOn: life.registeredOn,
    position,
    referral: referral && deadlines ? { ...referral, kindergartenName: names.get(referral.kindergarten) ?? referral.kindergarten, deadlines } : null,
    situation,
    provisionalYears: live && lastDeadline ? provisionalYears(calendar, referral.issuedOn, lastDeadline) : [],
    rules: { version: rules.version, hash: rules.hash },
  };
  return { standing, app, life };
}

/**
 * Why a refused or aged-out application was refused: the nightly refusal
 * stored for it, else (refused at registration) the rules in force on the day
 * it was refused, judging it as they did then.
 */
async function refusalReasonsOf(db: Queryable, app: StoredApplication, life: ApplicationLife, date: string, rules: RuleSet, rulesAt: RulesAt): Promise<string[]> {
  const stored = await nightlyRefusal(db, app.id, date);
  if (stored && app.status === 'aged_out') return stored.reasons;
  const on = life.statusSince ?? life.registeredOn;
  let then = rules;
  try {
    then = rulesAt.at(on);
  } catch {
    // Before the earliest rule set of the folder: the set in force at the date judges it.
  }
  const verdict = await fastestEvaluator(then).evaluate({ ...app, status: 'queued' }, on);
  return verdict.reasons.length ? verdict.reasons : (stored?.reasons ?? []);
}

/** The position the latest night on or before the date stored, as a Position (its day is that night's). */
async function storedPosition(db: Queryable, app: StoredApplication, date: string): Promise<Position | null> {
  const latest = await storedQueueNumber(db, app.id, app.district, date);
  const s = latest && (await storedPositionOn(db, app.id, app.district, latest.runDate));
  if (!s) return null;
  return { application: app.id, state: 'queued', district: app.district, birthYear: s.birthYear, category: s.category, rights: [], queueNumber: s.queueNumber, cohortSize: s.cohortSize, ahead: s.ahead };
}

import type { Queryable } from '../db/database.js';
import { storedPositionOn } from '../db/explain.js';
import { childDetails, touchedByRun, type Touched } from '../db/notices.js';
import type { Calendar } from '../domain/calendar.js';
import type { Category } from '../domain/types.js';
import type { RuleParameters, RuleSet } from '../rules/ruleset.js';
import { noticeKindOf, type NoticeKind } from './situation.js';
import { onlyRules, standingOf, type RulesAt, type Standing } from './standing.js';

/** A queue number as a notice states it: with the cohort, who is ahead, and the day it was computed. */
export interface QueueFigures {
  queueNumber: number;
  cohortSize: number;
  birthYear: number;
  ahead: Record<Category, number>;
  /** The day the number was computed: the date asked (live) or the night that stored it. */
  computedOn: string;
  /** `live`: computed over today's candidates; `stored`: what that night's allocation stored. */
  source: 'live' | 'stored';
}

/**
 * What the family's document says (api.md `…/notice`): the referral, the
 * queue notice, the refusal, or the lapse or cancellation notice, with
 * everything it names. The child's and the applicant's names are here, for
 * the family's own document only (never logged).
 */
export interface NoticeData extends Standing {
  kind: NoticeKind;
  child: { name: string | null; birthDate: string };
  applicant: { name: string | null };
  queue: QueueFigures | null;
  /** The category and rights the rules give at the date (for the queue notice). */
  category: Category | null;
  rights: string[];
  /** The rule parameters the document quotes (deadlines in days, the quota). */
  parameters: RuleParameters;
}

export interface NoticeOptions {
  rulesAt?: RulesAt;
  /** Quote the number the night of `date` stored (the documents of a run) instead of computing it live. */
  stored?: boolean;
}

/** The family's current document at the date. */
export async function noticeOf(db: Queryable, rules: RuleSet, calendar: Calendar, id: string, date: string, options: NoticeOptions = {}): Promise<NoticeData> {
  const { standing, app } = await standingOf(db, rules, calendar, id, date, options.rulesAt ?? onlyRules(rules));
  const kind = noticeKindOf(standing.situation);
  const details = await childDetails(db, id);
  let queue: QueueFigures | null = null;
  const p = standing.position;
  if (options.stored) {
    const s = await storedPositionOn(db, id, app.district, date);
    if (s) queue = { queueNumber: s.queueNumber, cohortSize: s.cohortSize, birthYear: s.birthYear, ahead: s.ahead, computedOn: s.runDate, source: 'stored' };
  }
  if (!queue && p.state === 'queued')
    queue = { queueNumber: p.queueNumber, cohortSize: p.cohortSize, birthYear: p.birthYear, ahead: p.ahead, computedOn: date, source: 'live' };
  const judged = p.state === 'queued' || p.state === 'waiting' ? p : null;
  return {
    ...standing,
    kind,
    child: { name: details.childName, birthDate: app.birthDate },
    applicant: { name: details.applicantName },
    queue: kind === 'queue' ? queue : null,
    category: judged?.category ?? standing.referral?.category ?? null,
    rights: judged?.rights ?? standing.referral?.rights ?? [],
    parameters: rules.parameters,
  };
}

/** The applications a stored night's run touched (referred, numbered, refused, lapsed, cancelled), by district and id. */
export async function touchedApplications(db: Queryable, date: string, districts: readonly string[] = []): Promise<Touched[]> {
  return touchedByRun(db, date, districts);
}

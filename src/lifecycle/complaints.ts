import { addWorkingDays, type Calendar } from '../domain/calendar.js';
import { TransitionError } from '../errors.js';
import type { RuleParameters } from '../rules/ruleset.js';

/** Where a complaint is considered: the provider (or the State Corporation), or the authority for quality assessment. */
export type ComplaintLevel = 'provider' | 'authority';
export const COMPLAINT_LEVELS: readonly ComplaintLevel[] = ['provider', 'authority'];

export interface Complaint {
  id: string;
  application: string | null;
  level: ComplaintLevel;
  filedOn: string;
  dueOn: string;
  subject: string;
  filedBy: string;
  answeredOn: string | null;
  answeredBy: string | null;
}

/** The last day of the answer: 5 working days at the provider, 15 at the authority (service passport). */
export function complaintDueOn(filedOn: string, level: ComplaintLevel, calendar: Calendar, p: RuleParameters): string {
  return addWorkingDays(calendar, filedOn, level === 'provider' ? p.complaintProviderWorkingDays : p.complaintAuthorityWorkingDays);
}

/** Unanswered after its due day. */
export function isOverdue(c: Pick<Complaint, 'dueOn' | 'answeredOn'>, date: string): boolean {
  return c.answeredOn === null && c.dueOn < date;
}

export function checkAnswer(c: Complaint, date: string): void {
  if (c.answeredOn) throw new TransitionError(`complaint ${c.id} was already answered on ${c.answeredOn}`, { id: c.id });
  if (date < c.filedOn) throw new TransitionError(`complaint ${c.id} was filed on ${c.filedOn}, after ${date}`, { id: c.id });
}

import type { LiveReferral } from '../db/application-card.js';
import { provisionalYears, type Calendar } from '../domain/calendar.js';
import type { Category } from '../domain/types.js';
import { isPriority, proofBy } from '../lifecycle/deadlines.js';
import type { RuleParameters } from '../rules/ruleset.js';

/**
 * An application as the portal and the offices see it: where it stands
 * today and the live referral with its deadlines. The API answers it
 * (server/application-view.ts builds it) and the console's pages show it.
 */
export interface ApplicationView {
  id: string;
  district: string;
  status: string;
  birthYear: number;
  registeredAt: string;
  channel: string;
  child: { iin: string; name: string | null; birthDate: string };
  applicant: { iin: string; name: string | null; relation: string | null };
  date: string;
  category: Category | null;
  rights: string[];
  queue: { number: number; of: number; ahead: Record<Category, number> } | null;
  waiting: { why: 'desired_from' | 'stop_list'; until: string } | null;
  refusal: { reasons: string[] } | null;
  referral: LiveReferralView | null;
}

/** A live referral with its deadlines (standing.ts's ReferralView is the family's, with names). */
export interface LiveReferralView extends LiveReferral {
  proofBy: string | null;
  /** The step the family (or the office) must take next, and its last day. */
  nextDeadline: { step: 'confirm' | 'enroll' | 'prove_right'; by: string } | null;
  provisionalYears: number[];
}

/** A referral with its deadlines (lifecycle.md), each the last day the step may be taken. */
export function referralView(r: LiveReferral, calendar: Calendar, params: RuleParameters): LiveReferralView {
  const live = r.status === 'offered' || r.status === 'confirmed';
  const proof = live && isPriority(r) && !r.rightProvenOn ? proofBy(r, calendar, params) : null;
  const step: LiveReferralView['nextDeadline'] = !live ? null : r.status === 'offered' ? { step: 'confirm', by: r.confirmBy } : r.enrollBy ? { step: 'enroll', by: r.enrollBy } : null;
  // The proof's deadline comes first when it is earlier than the step's.
  const next = proof && (!step || proof < step.by) ? { step: 'prove_right' as const, by: proof } : step;
  const last = [step?.by, proof].filter((d): d is string => !!d).sort().at(-1);
  return { ...r, proofBy: proof, nextDeadline: next, provisionalYears: last ? provisionalYears(calendar, r.issuedOn, last) : [] };
}

import type { AllocationOutcome } from '../allocation/allocate.js';
import type { ReferralDraft } from '../domain/outcomes.js';
import { compareIds } from '../domain/ids.js';
import type { Application, Category, Evaluation } from '../domain/types.js';

/**
 * What a rule change does to one district, computed from plain data: the
 * verdicts of both rule sets on the same applications and the allocations
 * they lead to. Pure; reading and printing are elsewhere.
 */
export type Verdict = Category | 'refused';

export interface VerdictChange {
  district: string;
  from: Verdict;
  to: Verdict;
  count: number;
}

export interface ReferralChange extends ReferralDraft {
  change: 'gained' | 'lost';
}

export interface DistrictImpact {
  district: string;
  /** Applications judged (queued ones). */
  judged: number;
  /** Applications whose eligibility changed. */
  eligibilityChanged: number;
  /** Eligible under both sets, with another category. */
  categoryChanged: number;
  /** Counts of (old verdict → new verdict), only where they differ; by from, then to. */
  changes: VerdictChange[];
  /** Referrals only the new set gives (gained) or only the old set gives (lost), in application order. */
  referrals: ReferralChange[];
}

const verdictOf = (e: Evaluation): Verdict => (e.eligible ? e.category : 'refused');
const ORDER: Verdict[] = ['extraordinary', 'primary', 'general', 'refused'];

export function districtImpact(
  district: string,
  applications: readonly Application[],
  before: readonly Evaluation[],
  after: readonly Evaluation[],
  oldOutcome: AllocationOutcome,
  newOutcome: AllocationOutcome,
): DistrictImpact {
  const counts = new Map<string, VerdictChange>();
  let judged = 0;
  let eligibilityChanged = 0;
  let categoryChanged = 0;
  applications.forEach((app, i) => {
    if (app.status !== 'queued') return;
    judged++;
    const a = before[i]!;
    const b = after[i]!;
    if (a.eligible !== b.eligible) eligibilityChanged++;
    else if (a.eligible && a.category !== b.category) categoryChanged++;
    const from = verdictOf(a);
    const to = verdictOf(b);
    if (from === to) return;
    const key = `${from}>${to}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { district, from, to, count: 1 });
  });
  const changes = [...counts.values()].sort((x, y) => ORDER.indexOf(x.from) - ORDER.indexOf(y.from) || ORDER.indexOf(x.to) - ORDER.indexOf(y.to));
  return { district, judged, eligibilityChanged, categoryChanged, changes, referrals: referralChanges(oldOutcome.referrals, newOutcome.referrals) };
}

/** A referral is the same when the same application gets the same group; anything else is one lost and one gained. */
export function referralChanges(old: readonly ReferralDraft[], next: readonly ReferralDraft[]): ReferralChange[] {
  const key = (r: ReferralDraft) => `${r.application}\u0000${r.kindergarten}\u0000${r.group}`;
  const oldKeys = new Set(old.map(key));
  const newKeys = new Set(next.map(key));
  const out: ReferralChange[] = [
    ...old.filter((r) => !newKeys.has(key(r))).map((r) => ({ change: 'lost' as const, ...r })),
    ...next.filter((r) => !oldKeys.has(key(r))).map((r) => ({ change: 'gained' as const, ...r })),
  ];
  return out.sort((a, b) => compareIds(a.application, b.application) || (a.change === b.change ? 0 : a.change === 'lost' ? -1 : 1));
}

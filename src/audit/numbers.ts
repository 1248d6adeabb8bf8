import type { QueueEntry, ReferralDraft } from '../domain/outcomes.js';
import type { Category, Place } from '../domain/types.js';
import type { AuditInput, AuditOutcome } from './invariants.js';

/**
 * The numbers people ask of a night, per district (summary.json and
 * audit.json): how many got their first choice, how long the referred had
 * waited by category, how long the queue is by cohort and category, and for
 * every seat left free, why. Pure; computed from the same data the audit reads.
 */
export interface DistrictNumbers {
  district: string;
  referrals: number;
  /** Referrals at the first choice, as a share of all referrals (0 when there are none). */
  firstChoiceShare: number;
  /** "1".."n" the preference that got the seat, "0" any kindergarten of the district. */
  byPreferenceRank: Record<string, number>;
  /** Days from registration to the night, of the children referred, by category. */
  waitingDays: Record<Category, { referred: number; median: number | null; p90: number | null }>;
  /** Children left in the queue with a number, by birth year and category. */
  queueByCohort: { birthYear: number; extraordinary: number; primary: number; general: number }[];
  /** Every group left with free seats, and why nobody took them. */
  seatsLeft: { kindergarten: string; group: string; birthYear: number; language: string; groupType: string; seats: number; why: SeatLeftReason }[];
}

export type SeatLeftReason =
  /** No candidate of the group's birth year in the district. */
  | 'no_candidate_of_birth_year'
  /** Candidates of that year, none wanting the group's language. */
  | 'no_candidate_in_language'
  /** Candidates of that year and language, none of the group's type (general or special). */
  | 'no_candidate_of_group_type'
  /** Fitting candidates exist, but none chose this kindergarten or accepts any. */
  | 'not_chosen';

const CATEGORIES: readonly Category[] = ['extraordinary', 'primary', 'general'];

/** The value below which `q` of the sorted values lie (nearest rank), or null for none. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function districtNumbers(input: AuditInput, out: AuditOutcome): DistrictNumbers {
  const apps = new Map(input.applications.map((a, i) => [a.id, { app: a, evaluation: input.evaluations[i]! }]));
  const nightUs = Date.parse(`${input.date}T00:00:00+05:00`) * 1000;

  const byPreferenceRank: Record<string, number> = {};
  const waits: Record<Category, number[]> = { extraordinary: [], primary: [], general: [] };
  for (const r of out.referrals) {
    byPreferenceRank[r.preferenceRank] = (byPreferenceRank[r.preferenceRank] ?? 0) + 1;
    const a = apps.get(r.application);
    if (a) waits[r.category].push(Math.max(0, Math.floor((nightUs - a.app.registeredAtUs) / 86_400_000_000)));
  }
  const waitingDays = Object.fromEntries(
    CATEGORIES.map((c) => {
      const sorted = waits[c].sort((x, y) => x - y);
      return [c, { referred: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) }];
    }),
  ) as DistrictNumbers['waitingDays'];

  const cohorts = new Map<number, DistrictNumbers['queueByCohort'][number]>();
  for (const q of out.queue as readonly QueueEntry[]) {
    let c = cohorts.get(q.birthYear);
    if (!c) cohorts.set(q.birthYear, (c = { birthYear: q.birthYear, extraordinary: 0, primary: 0, general: 0 }));
    c[q.category]++;
  }

  return {
    district: input.district,
    referrals: out.referrals.length,
    firstChoiceShare: out.referrals.length ? (byPreferenceRank['1'] ?? 0) / out.referrals.length : 0,
    byPreferenceRank,
    waitingDays,
    queueByCohort: [...cohorts.values()].sort((a, b) => a.birthYear - b.birthYear),
    seatsLeft: seatsLeft(input, out.referrals),
  };
}

/** Groups with seats nobody took, and why, from the candidates left without a referral. */
function seatsLeft(input: AuditInput, referrals: readonly ReferralDraft[]): DistrictNumbers['seatsLeft'] {
  const taken = new Map<string, number>();
  for (const r of referrals) taken.set(`${r.kindergarten}\u0000${r.group}`, (taken.get(`${r.kindergarten}\u0000${r.group}`) ?? 0) + 1);
  const referred = new Set(referrals.map((r) => r.application));
  const groups = new Map<string, Place>();
  for (const p of input.places) {
    if (p.seats <= 0) continue;
    const key = `${p.kindergarten}\u0000${p.group}`;
    const g = groups.get(key);
    groups.set(key, g ? { ...g, seats: g.seats + p.seats } : { ...p });
  }
  // The candidates still without a seat (the audit's own reading of step 3).
  const waiting = input.applications.filter((a, i) => {
    const e = input.evaluations[i]!;
    return a.status === 'queued' && e.eligible && a.desiredFrom <= input.date && (a.stopListUntil === null || a.stopListUntil < input.date) && !referred.has(a.id);
  });
  const out: DistrictNumbers['seatsLeft'] = [];
  for (const [key, g] of groups) {
    const left = g.seats - (taken.get(key) ?? 0);
    if (left <= 0) continue;
    const year = waiting.filter((a) => Number(a.birthDate.slice(0, 4)) === g.birthYear);
    const lang = year.filter((a) => a.language === g.language);
    const type = lang.filter((a) => a.groupType === g.groupType);
    const why: SeatLeftReason = !year.length ? 'no_candidate_of_birth_year' : !lang.length ? 'no_candidate_in_language' : !type.length ? 'no_candidate_of_group_type' : 'not_chosen';
    out.push({ kindergarten: g.kindergarten, group: g.group, birthYear: g.birthYear, language: g.language, groupType: g.groupType, seats: left, why });
  }
  return out.sort((a, b) => Buffer.compare(Buffer.from(`${a.kindergarten}\u0000${a.group}`), Buffer.from(`${b.kindergarten}\u0000${b.group}`)));
}

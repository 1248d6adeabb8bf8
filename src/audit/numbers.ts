import type { QueueEntry, ReferralDraft } from '../domain/outcomes.js';
import type { Category, Place } from '../domain/types.js';
import { byteOrder } from './byte-order.js';
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
  /** The same days as [days, children] pairs by category (what totals over districts are made from). */
  waitingHistogram: Record<Category, [number, number][]>;
  /** Children left in the queue with a number, by birth year and category. */
  queueByCohort: { birthYear: number; extraordinary: number; primary: number; general: number }[];
  /** Every group left with free seats, and why nobody took them. */
  seatsLeft: { kindergarten: string; group: string; birthYear: number; language: string; groupType: string; seats: number; why: SeatLeftReason }[];
  /**
   * Referrals by kindergarten (byte order of ids), for the run report: counted
   * here, in the thread that has the referrals as data. Not published in
   * summary.json; absent in numbers stored before it was kept.
   */
  referralsByKindergarten?: { kindergarten: string; referrals: number }[];
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
  const referred = new Set<string>();
  for (const r of out.referrals) referred.add(r.application);
  const free = groupsWithSeatsLeft(input.places, out.referrals);
  // One pass over the district's applications: the registration instants of the referred (about
  // one child in ten) and, when seats were left, what the candidates still without one are (the
  // audit's own reading of step 3): birth year → language → group types.
  const registeredAtUs = new Map<string, number>();
  const waiting = new Map<number, Map<string, Set<string>>>();
  input.applications.forEach((a, i) => {
    if (referred.has(a.id)) {
      registeredAtUs.set(a.id, a.registeredAtUs);
      return;
    }
    if (!free.length) return;
    if (!(a.status === 'queued' && input.evaluations[i]!.eligible && a.desiredFrom <= input.date && (a.stopListUntil === null || a.stopListUntil < input.date))) return;
    const year = Number(a.birthDate.slice(0, 4));
    if (Number.isNaN(year)) return; // equal to no group's year
    let languages = waiting.get(year);
    if (!languages) waiting.set(year, (languages = new Map()));
    let types = languages.get(a.language);
    if (!types) languages.set(a.language, (types = new Set()));
    types.add(a.groupType);
  });
  const nightUs = Date.parse(`${input.date}T00:00:00+05:00`) * 1000;

  const byPreferenceRank: Record<string, number> = {};
  const byKindergarten = new Map<string, number>();
  const waits: Record<Category, number[]> = { extraordinary: [], primary: [], general: [] };
  for (const r of out.referrals) {
    byPreferenceRank[r.preferenceRank] = (byPreferenceRank[r.preferenceRank] ?? 0) + 1;
    byKindergarten.set(r.kindergarten, (byKindergarten.get(r.kindergarten) ?? 0) + 1);
    const us = registeredAtUs.get(r.application);
    if (us !== undefined) waits[r.category].push(Math.max(0, Math.floor((nightUs - us) / 86_400_000_000)));
  }
  const waitingHistogram = Object.fromEntries(CATEGORIES.map((c) => [c, histogram(waits[c])])) as DistrictNumbers['waitingHistogram'];

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
    waitingDays: waitingFrom(waitingHistogram),
    waitingHistogram,
    queueByCohort: [...cohorts.values()].sort((a, b) => a.birthYear - b.birthYear),
    seatsLeft: seatsLeft(free, waiting),
    referralsByKindergarten: [...byKindergarten]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([kindergarten, referrals]) => ({ kindergarten, referrals })),
  };
}

function histogram(values: readonly number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** The quantile of a histogram ([value, count] by value), by nearest rank. */
function histogramQuantile(h: readonly [number, number][], q: number): number | null {
  const total = h.reduce((n, [, c]) => n + c, 0);
  if (!total) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil(q * total)));
  let seen = 0;
  for (const [v, c] of h) if ((seen += c) >= rank) return v;
  return h.at(-1)![0];
}

function waitingFrom(h: DistrictNumbers['waitingHistogram']): DistrictNumbers['waitingDays'] {
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, { referred: h[c].reduce((n, [, k]) => n + k, 0), median: histogramQuantile(h[c], 0.5), p90: histogramQuantile(h[c], 0.9) }]),
  ) as DistrictNumbers['waitingDays'];
}

/** A district's numbers as summary.json and audit.json carry them (the waiting days' histogram stays inside). */
export type PublishedNumbers = Omit<DistrictNumbers, 'waitingHistogram' | 'district' | 'referralsByKindergarten'>;

export function publishedNumbers(n: DistrictNumbers): PublishedNumbers {
  const { waitingHistogram: _h, district: _d, referralsByKindergarten: _k, ...rest } = n;
  return rest;
}

/** The night's numbers over all its districts: sums, and quantiles of the merged waiting days. */
export interface RunNumbers {
  referrals: number;
  firstChoiceShare: number;
  byPreferenceRank: Record<string, number>;
  waitingDays: DistrictNumbers['waitingDays'];
  queueByCohort: DistrictNumbers['queueByCohort'];
  /** Seats left free, by why. */
  seatsLeft: Record<SeatLeftReason, number>;
}

export function runNumbers(list: readonly DistrictNumbers[]): RunNumbers {
  const byPreferenceRank: Record<string, number> = {};
  const merged = new Map<Category, Map<number, number>>(CATEGORIES.map((c) => [c, new Map()]));
  const cohorts = new Map<number, DistrictNumbers['queueByCohort'][number]>();
  const seatsLeft: Record<SeatLeftReason, number> = { no_candidate_of_birth_year: 0, no_candidate_in_language: 0, no_candidate_of_group_type: 0, not_chosen: 0 };
  let referrals = 0;
  for (const d of list) {
    referrals += d.referrals;
    for (const [k, v] of Object.entries(d.byPreferenceRank)) byPreferenceRank[k] = (byPreferenceRank[k] ?? 0) + v;
    for (const c of CATEGORIES) for (const [days, n] of d.waitingHistogram[c]) merged.get(c)!.set(days, (merged.get(c)!.get(days) ?? 0) + n);
    for (const q of d.queueByCohort) {
      const t = cohorts.get(q.birthYear) ?? { birthYear: q.birthYear, extraordinary: 0, primary: 0, general: 0 };
      cohorts.set(q.birthYear, { birthYear: q.birthYear, extraordinary: t.extraordinary + q.extraordinary, primary: t.primary + q.primary, general: t.general + q.general });
    }
    for (const s of d.seatsLeft) seatsLeft[s.why] += s.seats;
  }
  const h = Object.fromEntries(CATEGORIES.map((c) => [c, [...merged.get(c)!].sort((a, b) => a[0] - b[0])])) as DistrictNumbers['waitingHistogram'];
  return {
    referrals,
    firstChoiceShare: referrals ? (byPreferenceRank['1'] ?? 0) / referrals : 0,
    byPreferenceRank,
    waitingDays: waitingFrom(h),
    queueByCohort: [...cohorts.values()].sort((a, b) => a.birthYear - b.birthYear),
    seatsLeft,
  };
}

interface FreeGroup {
  /** `${kindergarten}\u0000${group}`: seats are listed in byte order of it. */
  key: string;
  group: Place;
  /** The seats left (the group's seats less its referrals). */
  seats: number;
}

/** The groups as read (several rows of one group add up) that kept seats after the referrals. */
function groupsWithSeatsLeft(places: readonly Place[], referrals: readonly ReferralDraft[]): FreeGroup[] {
  const taken = new Map<string, number>();
  for (const r of referrals) {
    const key = `${r.kindergarten}\u0000${r.group}`;
    taken.set(key, (taken.get(key) ?? 0) + 1);
  }
  const groups = new Map<string, Place>();
  for (const p of places) {
    if (p.seats <= 0) continue;
    const key = `${p.kindergarten}\u0000${p.group}`;
    const g = groups.get(key);
    groups.set(key, g ? { ...g, seats: g.seats + p.seats } : { ...p });
  }
  const free: FreeGroup[] = [];
  for (const [key, group] of groups) {
    const seats = group.seats - (taken.get(key) ?? 0);
    if (seats <= 0) continue;
    free.push({ key, group, seats });
  }
  return free;
}

/** Groups with seats nobody took, and why, from what the candidates left without a referral are. */
function seatsLeft(free: readonly FreeGroup[], waiting: ReadonlyMap<number, ReadonlyMap<string, ReadonlySet<string>>>): DistrictNumbers['seatsLeft'] {
  return [...free]
    .sort((a, b) => byteOrder(a.key, b.key))
    .map(({ group: g, seats }) => {
      const languages = waiting.get(g.birthYear);
      const types = languages?.get(g.language);
      const why: SeatLeftReason = !languages ? 'no_candidate_of_birth_year' : !types ? 'no_candidate_in_language' : !types.has(g.groupType) ? 'no_candidate_of_group_type' : 'not_chosen';
      return { kindergarten: g.kindergarten, group: g.group, birthYear: g.birthYear, language: g.language, groupType: g.groupType, seats, why };
    });
}

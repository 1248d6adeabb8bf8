import type { AllocationOutcome } from '../allocation/allocate.js';
import { compareIds } from '../domain/ids.js';
import type { Application, Category, Evaluation, Place } from '../domain/types.js';

/**
 * What a rule change does to people, computed from plain data: for one
 * district, what each queued child gets under the old rules and under the new
 * (a referral, a queue number, a wait, a refusal), and who is placed,
 * displaced, moved, recategorised, refused or moved in the queue. Pure;
 * reading and printing are elsewhere.
 */

/** What one child gets from one rule set's allocation. */
export type Outcome =
  | { state: 'referred'; category: Category; rights: string[]; kindergarten: string; group: string; preferenceRank: number }
  | { state: 'queued'; category: Category; queueNumber: number }
  /** Eligible, but not a candidate at the date (desiredFrom later, or on the stop list). */
  | { state: 'waiting'; category: Category }
  | { state: 'refused'; reasons: string[] }
  /** Not in this side's queue at all (the two sides read differently: step 1 lapses with each set's parameters). */
  | { state: 'absent' };

export type ChangeKind =
  | 'placed'
  | 'displaced'
  | 'moved'
  | 'categoryChanged'
  | 'rightsChanged'
  | 'refusalGained'
  | 'refusalLost'
  | 'reasonsChanged'
  | 'queueForward'
  | 'queueBack'
  | 'other';

/** One child whose outcome differs: the application id (no personal data), what it got before and after, and how that reads. */
export interface PersonChange {
  application: string;
  district: string;
  birthYear: number;
  changes: ChangeKind[];
  before: Outcome;
  after: Outcome;
}

/** One side of the comparison in a district: what it read, judged and allocated. */
export interface Side {
  places: readonly Place[];
  applications: readonly Application[];
  evaluations: readonly Evaluation[];
  outcome: AllocationOutcome;
}

export interface Shift {
  /** Children whose number moves this way. */
  count: number;
  /** Places moved: the median and the largest (0 when nobody moves). */
  median: number;
  largest: number;
}

export interface ImpactSummary {
  /** Queued applications judged. */
  judged: number;
  /** Seats free to allocate, and left after each allocation. */
  seats: { offered: number; leftBefore: number; leftAfter: number };
  referrals: { before: number; after: number };
  /** Newly referred, by the category they are referred under. */
  placed: { total: number; byCategory: Record<Category, number> };
  /** Referred before and not after, by the category they had. */
  displaced: { total: number; byCategory: Record<Category, number> };
  /** Referred both ways, to another kindergarten or group. */
  moved: number;
  /** Eligible both ways with another category: by (from, to). */
  categoryChanges: { from: Category; to: Category; count: number }[];
  /** Refused now and not before, by reason (a child refused for two reasons counts under both). */
  refusalsGained: { total: number; byReason: Record<string, number> };
  refusalsLost: { total: number; byReason: Record<string, number> };
  /** Children with a queue number both ways: how many keep it, move forward (a smaller number) or back. */
  queueNumbers: { before: number; after: number; kept: number; forward: Shift; back: Shift };
}

/** The additive part of a summary: what cannot be read from the changed people alone. */
export interface ImpactBase {
  judged: number;
  seatsOffered: number;
  seatsLeftBefore: number;
  seatsLeftAfter: number;
  referralsBefore: number;
  referralsAfter: number;
  queuedBefore: number;
  queuedAfter: number;
  /** Children with a number both ways. */
  queuedBoth: number;
}

export interface CohortImpact {
  birthYear: number;
  base: ImpactBase;
  summary: ImpactSummary;
}

export interface DistrictImpact {
  district: string;
  base: ImpactBase;
  summary: ImpactSummary;
  /** By birth year. */
  cohorts: CohortImpact[];
  /** Every child whose outcome differs, in application id order. */
  people: PersonChange[];
}

const CATEGORIES: readonly Category[] = ['extraordinary', 'primary', 'general'];

/** Each queued child's outcome on one side, with its birth year. */
export function outcomesOf(side: Side): Map<string, { birthYear: number; outcome: Outcome }> {
  const byId = new Map<string, { birthYear: number; outcome: Outcome }>();
  const year = new Map<string, number>();
  const category = new Map<string, Category>();
  side.applications.forEach((a, i) => {
    if (a.status !== 'queued') return;
    year.set(a.id, Number(a.birthDate.slice(0, 4)));
    category.set(a.id, side.evaluations[i]!.category);
  });
  const put = (id: string, outcome: Outcome) => byId.set(id, { birthYear: year.get(id)!, outcome });
  for (const r of side.outcome.referrals)
    put(r.application, { state: 'referred', category: r.category, rights: r.rights, kindergarten: r.kindergarten, group: r.group, preferenceRank: r.preferenceRank });
  for (const q of side.outcome.queue) put(q.application, { state: 'queued', category: q.category, queueNumber: q.queueNumber });
  for (const r of side.outcome.refusals) put(r.application, { state: 'refused', reasons: r.reasons });
  for (const id of side.outcome.notCandidates) put(id, { state: 'waiting', category: category.get(id)! });
  return byId;
}

const sameOutcome = (a: Outcome, b: Outcome) => JSON.stringify(a) === JSON.stringify(b);
const categoryOf = (o: Outcome): Category | null => (o.state === 'referred' || o.state === 'queued' || o.state === 'waiting' ? o.category : null);

/** Pure: how a child's outcome changed, in words a report can count. */
export function changeKinds(before: Outcome, after: Outcome): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  const was = before.state === 'referred';
  const is = after.state === 'referred';
  if (!was && is) kinds.push('placed');
  if (was && !is) kinds.push('displaced');
  if (before.state === 'referred' && after.state === 'referred') {
    if (before.kindergarten !== after.kindergarten || before.group !== after.group) kinds.push('moved');
    if (before.category === after.category && JSON.stringify(before.rights) !== JSON.stringify(after.rights)) kinds.push('rightsChanged');
  }
  const from = categoryOf(before);
  const to = categoryOf(after);
  if (from && to && from !== to) kinds.push('categoryChanged');
  if (before.state !== 'refused' && before.state !== 'absent' && after.state === 'refused') kinds.push('refusalGained');
  if (before.state === 'refused' && after.state !== 'refused' && after.state !== 'absent') kinds.push('refusalLost');
  if (before.state === 'refused' && after.state === 'refused' && JSON.stringify(before.reasons) !== JSON.stringify(after.reasons)) kinds.push('reasonsChanged');
  if (before.state === 'queued' && after.state === 'queued' && before.queueNumber !== after.queueNumber) kinds.push(after.queueNumber < before.queueNumber ? 'queueForward' : 'queueBack');
  return kinds.length ? kinds : ['other'];
}

/** One district both ways: every child whose outcome differs, and the counts by cohort and for the district. */
export function districtImpact(district: string, before: Side, after: Side): DistrictImpact {
  const a = outcomesOf(before);
  const b = outcomesOf(after);
  const people: PersonChange[] = [];
  const bases = new Map<number, ImpactBase>();
  const baseOf = (year: number) => {
    let x = bases.get(year);
    if (!x) bases.set(year, (x = emptyBase()));
    return x;
  };
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort(compareIds);
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    const birthYear = (x ?? y)!.birthYear;
    const o1: Outcome = x?.outcome ?? { state: 'absent' };
    const o2: Outcome = y?.outcome ?? { state: 'absent' };
    const base = baseOf(birthYear);
    base.judged++;
    if (o1.state === 'queued') base.queuedBefore++;
    if (o2.state === 'queued') base.queuedAfter++;
    if (o1.state === 'queued' && o2.state === 'queued') base.queuedBoth++;
    if (o1.state === 'referred') base.referralsBefore++;
    if (o2.state === 'referred') base.referralsAfter++;
    if (!sameOutcome(o1, o2)) people.push({ application: id, district, birthYear, changes: changeKinds(o1, o2), before: o1, after: o2 });
  }
  for (const p of before.places) baseOf(p.birthYear).seatsOffered += p.seats;
  for (const [year, base] of bases) {
    base.seatsLeftBefore = base.seatsOffered - base.referralsBefore;
    base.seatsLeftAfter = seatsOf(after.places, year) - base.referralsAfter;
  }
  const cohorts = [...bases.entries()]
    .sort(([x], [y]) => x - y)
    .map(([birthYear, base]) => ({ birthYear, base, summary: summarize(base, people.filter((p) => p.birthYear === birthYear)) }));
  const base = addBases(cohorts.map((c) => c.base));
  return { district, base, summary: summarize(base, people), cohorts, people };
}

const seatsOf = (places: readonly Place[], year: number) => places.reduce((n, p) => n + (p.birthYear === year ? p.seats : 0), 0);

export function emptyBase(): ImpactBase {
  return { judged: 0, seatsOffered: 0, seatsLeftBefore: 0, seatsLeftAfter: 0, referralsBefore: 0, referralsAfter: 0, queuedBefore: 0, queuedAfter: 0, queuedBoth: 0 };
}

export function addBases(bases: readonly ImpactBase[]): ImpactBase {
  const sum = emptyBase();
  for (const b of bases) for (const k of Object.keys(sum) as (keyof ImpactBase)[]) sum[k] += b[k];
  return sum;
}

/** Pure: the counts of a group of children (a cohort, a district, everyone) from its base and its changed people. */
export function summarize(base: ImpactBase, people: readonly PersonChange[]): ImpactSummary {
  const byCategory = () => ({ extraordinary: 0, primary: 0, general: 0 }) as Record<Category, number>;
  const s: ImpactSummary = {
    judged: base.judged,
    seats: { offered: base.seatsOffered, leftBefore: base.seatsLeftBefore, leftAfter: base.seatsLeftAfter },
    referrals: { before: base.referralsBefore, after: base.referralsAfter },
    placed: { total: 0, byCategory: byCategory() },
    displaced: { total: 0, byCategory: byCategory() },
    moved: 0,
    categoryChanges: [],
    refusalsGained: { total: 0, byReason: {} },
    refusalsLost: { total: 0, byReason: {} },
    queueNumbers: { before: base.queuedBefore, after: base.queuedAfter, kept: 0, forward: shift([]), back: shift([]) },
  };
  const flows = new Map<string, { from: Category; to: Category; count: number }>();
  const forward: number[] = [];
  const back: number[] = [];
  for (const p of people) {
    const { before: o1, after: o2 } = p;
    for (const kind of p.changes) {
      if (kind === 'placed' && o2.state === 'referred') {
        s.placed.total++;
        s.placed.byCategory[o2.category]++;
      } else if (kind === 'displaced' && o1.state === 'referred') {
        s.displaced.total++;
        s.displaced.byCategory[o1.category]++;
      } else if (kind === 'moved') s.moved++;
      else if (kind === 'categoryChanged') {
        const from = categoryOf(o1)!;
        const to = categoryOf(o2)!;
        const key = `${from}>${to}`;
        const f = flows.get(key);
        if (f) f.count++;
        else flows.set(key, { from, to, count: 1 });
      } else if (kind === 'refusalGained' && o2.state === 'refused') count(s.refusalsGained, o2.reasons);
      else if (kind === 'refusalLost' && o1.state === 'refused') count(s.refusalsLost, o1.reasons);
      else if ((kind === 'queueForward' || kind === 'queueBack') && o1.state === 'queued' && o2.state === 'queued')
        (kind === 'queueForward' ? forward : back).push(Math.abs(o2.queueNumber - o1.queueNumber));
    }
  }
  s.categoryChanges = [...flows.values()].sort((x, y) => CATEGORIES.indexOf(x.from) - CATEGORIES.indexOf(y.from) || CATEGORIES.indexOf(x.to) - CATEGORIES.indexOf(y.to));
  s.queueNumbers.forward = shift(forward);
  s.queueNumbers.back = shift(back);
  s.queueNumbers.kept = base.queuedBoth - forward.length - back.length;
  return s;
}

function count(into: { total: number; byReason: Record<string, number> }, reasons: readonly string[]): void {
  into.total++;
  for (const r of reasons) into.byReason[r] = (into.byReason[r] ?? 0) + 1;
}

/** Pure: the median and the largest of the places moved. */
export function shift(moves: readonly number[]): Shift {
  if (!moves.length) return { count: 0, median: 0, largest: 0 };
  const sorted = [...moves].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: sorted.length, median, largest: sorted[sorted.length - 1]! };
}

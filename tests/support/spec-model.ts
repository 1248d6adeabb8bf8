/**
 * A deliberately naive re-statement of allocation.md steps 3–6, written from
 * the spec text only (no imports from src/ except types). Slow and simple:
 * it scans every seat for every candidate. Used as an oracle in property tests.
 */
import type { Application, Category, Evaluation, Place } from '../../src/domain/types.js';

export interface ModelReferral {
  application: string;
  birthYear: number;
  kindergarten: string;
  group: string;
  category: Category;
  rights: string[];
  preferenceRank: number;
}
export interface ModelQueueEntry {
  application: string;
  birthYear: number;
  category: Category;
  queueNumber: number;
}
export interface ModelOutcome {
  referrals: ModelReferral[];
  queue: ModelQueueEntry[];
  refusals: { application: string; reasons: string[] }[];
  notCandidates: string[];
}

export interface ModelCandidate {
  app: Application;
  evaluation: Evaluation;
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
export const byteOrder = (a: string, b: string) => Buffer.compare(bytes(a), bytes(b));

/** Step 4 within one category: registeredAt (UTC instant), then id in byte order. */
export function byRegistration(a: Application, b: Application): number {
  if (a.registeredAtUs !== b.registeredAtUs) return a.registeredAtUs < b.registeredAtUs ? -1 : 1;
  return byteOrder(a.id, b.id);
}

/** Step 3. */
export function isCandidate(a: Application, e: Evaluation, date: string): boolean {
  return a.status === 'queued' && e.eligible && a.desiredFrom <= date && (a.stopListUntil === null || a.stopListUntil < date);
}

export const birthYearOf = (a: Application) => Number(a.birthDate.slice(0, 4));

/** Quota decision from the spec: primary when issuedPrimary * g <= issuedGeneral * p. */
export function primaryNext(issuedP: number, issuedG: number, quota: readonly [number, number]): boolean {
  return issuedP * quota[1] <= issuedG * quota[0];
}

/** Splits candidates into the three category streams, each in step-4 order. */
export function streams<T extends ModelCandidate>(cands: readonly T[]): Record<Category, T[]> {
  const s: Record<Category, T[]> = { extraordinary: [], primary: [], general: [] };
  for (const c of cands) s[c.evaluation.category].push(c);
  for (const k of Object.keys(s) as Category[]) s[k].sort((x, y) => byRegistration(x.app, y.app));
  return s;
}

/**
 * The cohort's service order given who was referred (the quota counts only
 * referrals issued). `wasReferred` answers for each candidate as it is reached.
 */
export function serviceOrder<T extends ModelCandidate>(cands: readonly T[], quota: readonly [number, number], wasReferred: (c: T) => boolean): T[] {
  const s = streams(cands);
  const order: T[] = [];
  for (const c of s.extraordinary) {
    order.push(c);
    wasReferred(c);
  }
  let p = 0;
  let g = 0;
  let issuedP = 0;
  let issuedG = 0;
  while (p < s.primary.length || g < s.general.length) {
    const takeP = g >= s.general.length ? true : p >= s.primary.length ? false : primaryNext(issuedP, issuedG, quota);
    const c = takeP ? s.primary[p++]! : s.general[g++]!;
    order.push(c);
    if (wasReferred(c)) {
      if (takeP) issuedP++;
      else issuedG++;
    }
  }
  return order;
}

/** Step 6: static interleave by position over the remaining candidates. */
export function staticOrder<T extends ModelCandidate>(left: readonly T[], quota: readonly [number, number]): T[] {
  return serviceOrder(left, quota, () => true);
}

interface Seat {
  kindergarten: string;
  group: string;
  birthYear: number;
  language: string;
  groupType: string;
  free: number;
}

export function fits(seat: { birthYear: number; language: string; groupType: string }, a: Application): boolean {
  return seat.birthYear === birthYearOf(a) && seat.language === a.language && seat.groupType === a.groupType;
}

export function specAllocate(
  apps: readonly Application[],
  evals: readonly Evaluation[],
  places: readonly Place[],
  date: string,
  quota: readonly [number, number],
): ModelOutcome {
  const seats: Seat[] = [];
  for (const p of places) {
    const same = seats.find((s) => s.kindergarten === p.kindergarten && s.group === p.group);
    if (same) same.free += p.seats;
    else seats.push({ kindergarten: p.kindergarten, group: p.group, birthYear: p.birthYear, language: p.language, groupType: p.groupType, free: p.seats });
  }
  const bySeatOrder = (x: Seat, y: Seat) => byteOrder(x.kindergarten, y.kindergarten) || byteOrder(x.group, y.group);

  const refusals: ModelOutcome['refusals'] = [];
  const notCandidates: string[] = [];
  const cands: ModelCandidate[] = [];
  apps.forEach((a, i) => {
    const e = evals[i]!;
    if (a.status !== 'queued') return;
    if (!e.eligible) refusals.push({ application: a.id, reasons: e.reasons });
    else if (!isCandidate(a, e, date)) notCandidates.push(a.id);
    else cands.push({ app: a, evaluation: e });
  });

  const referrals: ModelReferral[] = [];
  const queue: ModelQueueEntry[] = [];
  const years = [...new Set(cands.map((c) => birthYearOf(c.app)))].sort((x, y) => x - y);
  for (const year of years) {
    const cohort = cands.filter((c) => birthYearOf(c.app) === year);
    const left: ModelCandidate[] = [];
    serviceOrder(cohort, quota, (c) => {
      const a = c.app;
      const open = seats.filter((s) => s.free > 0 && fits(s, a)).sort(bySeatOrder);
      let chosen: Seat | undefined;
      let rank = 0;
      for (let i = 0; i < a.preferences.length && !chosen; i++) {
        chosen = open.find((s) => s.kindergarten === a.preferences[i]);
        rank = i + 1;
      }
      if (!chosen && a.acceptAnyInDistrict) {
        chosen = open[0];
        rank = 0;
      }
      if (!chosen) {
        left.push(c);
        return false;
      }
      chosen.free--;
      referrals.push({
        application: a.id,
        birthYear: year,
        kindergarten: chosen.kindergarten,
        group: chosen.group,
        category: c.evaluation.category,
        rights: c.evaluation.rights,
        preferenceRank: rank,
      });
      return true;
    });
    staticOrder(left, quota).forEach((c, i) =>
      queue.push({ application: c.app.id, birthYear: year, category: c.evaluation.category, queueNumber: i + 1 }),
    );
  }
  refusals.sort((x, y) => byteOrder(x.application, y.application));
  notCandidates.sort(byteOrder);
  return { referrals, queue, refusals, notCandidates };
}

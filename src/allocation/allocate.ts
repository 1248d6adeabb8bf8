import { compareIds } from '../domain/ids.js';
import type { DistrictCounts, QueueEntry, ReferralDraft, Refusal } from '../domain/outcomes.js';
import type { Application, Category, Evaluation, Place } from '../domain/types.js';
import { compareByRegistration } from './order.js';
import { interleave, takesPrimary } from './quota.js';
import { SeatBook, type OpenGroup } from './seat-book.js';

/** Everything one district's allocation needs; districts never share places or children. */
export interface AllocationInput {
  district: string;
  /** Free seats of the district's kindergartens (rows of one group add up). */
  places: readonly Place[];
  /** The district's applications; only `queued` ones take part. */
  applications: readonly Application[];
  /** The rules' verdict for each application, same index as `applications`. */
  evaluations: readonly Evaluation[];
}

export interface AllocationSettings {
  /** The allocation date D (YYYY-MM-DD). */
  date: string;
  /** [primary, general] referrals per cohort (rule parameter `primaryQuota`). */
  quota: readonly [number, number];
}

export interface AllocationOutcome {
  district: string;
  /** In service order, cohorts by birth year. */
  referrals: ReferralDraft[];
  /** Sorted by birth year, then queue number. */
  queue: QueueEntry[];
  /** Sorted by application id. */
  refusals: Refusal[];
  /** Ids of eligible queued applications that are not candidates at D, sorted. */
  notCandidates: string[];
  counts: DistrictCounts;
}

interface Candidate {
  app: Application;
  evaluation: Evaluation;
  birthYear: number;
}

/** Steps 3–6 of allocation.md for one district. Pure: same input, same outcome. */
export function allocateDistrict(input: AllocationInput, settings: AllocationSettings): AllocationOutcome {
  const { date, quota } = settings;
  const refusals: Refusal[] = [];
  const notCandidates: string[] = [];
  const cohorts = new Map<number, Candidate[]>();
  let queued = 0;

  input.applications.forEach((app, i) => {
    if (app.status !== 'queued') return;
    queued++;
    const evaluation = input.evaluations[i]!;
    if (!evaluation.eligible) {
      refusals.push({ application: app.id, district: input.district, reasons: evaluation.reasons });
      return;
    }
    if (app.desiredFrom > date || (app.stopListUntil !== null && app.stopListUntil >= date)) {
      notCandidates.push(app.id);
      return;
    }
    const birthYear = Number(app.birthDate.slice(0, 4));
    let cohort = cohorts.get(birthYear);
    if (!cohort) cohorts.set(birthYear, (cohort = []));
    cohort.push({ app, evaluation, birthYear });
  });

  const placesByYear = new Map<number, Place[]>();
  let seatsOffered = 0;
  for (const p of input.places) {
    seatsOffered += p.seats;
    let list = placesByYear.get(p.birthYear);
    if (!list) placesByYear.set(p.birthYear, (list = []));
    list.push(p);
  }

  const referrals: ReferralDraft[] = [];
  const queue: QueueEntry[] = [];
  let seatsLeft = 0;
  const years = new Set([...cohorts.keys(), ...placesByYear.keys()]);
  for (const year of [...years].sort((a, b) => a - b)) {
    const book = new SeatBook(placesByYear.get(year) ?? []);
    const served = serveCohort(cohorts.get(year) ?? [], book, quota);
    for (const { candidate, group, rank } of served.referred) {
      referrals.push({
        application: candidate.app.id,
        district: input.district,
        birthYear: year,
        kindergarten: group.kindergarten,
        group: group.group,
        category: candidate.evaluation.category,
        rights: candidate.evaluation.rights,
        preferenceRank: rank,
      });
    }
    const { extraordinary, primary, general } = served.left;
    [...extraordinary, ...interleave(primary, general, quota)].forEach((c, i) => {
      queue.push({
        application: c.app.id,
        district: input.district,
        birthYear: year,
        category: c.evaluation.category,
        queueNumber: i + 1,
      });
    });
    seatsLeft += book.freeSeats;
  }

  refusals.sort((a, b) => compareIds(a.application, b.application));
  notCandidates.sort(compareIds);
  const byCategory: Record<Category, number> = { extraordinary: 0, primary: 0, general: 0 };
  const byRank: Record<string, number> = {};
  for (const r of referrals) {
    byCategory[r.category]++;
    byRank[r.preferenceRank] = (byRank[r.preferenceRank] ?? 0) + 1;
  }
  return {
    district: input.district,
    referrals,
    queue,
    refusals,
    notCandidates,
    counts: {
      queued,
      refused: refusals.length,
      notCandidates: notCandidates.length,
      candidates: referrals.length + queue.length,
      referrals: referrals.length,
      referralsByCategory: byCategory,
      referralsByPreferenceRank: byRank,
      queueLeft: queue.length,
      seatsOffered,
      seatsLeft,
    },
  };
}

interface Served {
  referred: { candidate: Candidate; group: OpenGroup; rank: number }[];
  /** Candidates left without a seat, by category, each still in service order. */
  left: Record<Category, Candidate[]>;
}

/** Steps 4 and 5 for one cohort: serve candidates in service order, matching as we go. */
function serveCohort(candidates: Candidate[], book: SeatBook, quota: readonly [number, number]): Served {
  const streams: Record<Category, Candidate[]> = { extraordinary: [], primary: [], general: [] };
  for (const c of candidates) streams[c.evaluation.category].push(c);
  for (const s of Object.values(streams)) s.sort((a, b) => compareByRegistration(a.app, b.app));

  const referred: Served['referred'] = [];
  const left: Served['left'] = { extraordinary: [], primary: [], general: [] };
  const tryServe = (c: Candidate): boolean => {
    const m = book.freeSeats > 0 ? match(c.app, book) : null;
    if (!m) {
      left[c.evaluation.category].push(c);
      return false;
    }
    book.take(m.group);
    referred.push({ candidate: c, group: m.group, rank: m.rank });
    return true;
  };

  for (const c of streams.extraordinary) tryServe(c);
  const { primary, general } = streams;
  let p = 0;
  let g = 0;
  let issuedP = 0;
  let issuedG = 0;
  while (p < primary.length || g < general.length) {
    if (takesPrimary(issuedP, issuedG, quota, p < primary.length, g < general.length)) {
      if (tryServe(primary[p++]!)) issuedP++;
    } else if (tryServe(general[g++]!)) issuedG++;
  }
  return { referred, left };
}

/** Step 5: the first preference with a fitting place, else any fitting place if accepted. */
export function match(app: Application, book: SeatBook): { group: OpenGroup; rank: number } | null {
  for (let i = 0; i < app.preferences.length; i++) {
    const group = book.fitAt(app.preferences[i]!, app.language, app.groupType);
    if (group) return { group, rank: i + 1 };
  }
  if (app.acceptAnyInDistrict) {
    const group = book.fitAnywhere(app.language, app.groupType);
    if (group) return { group, rank: 0 };
  }
  return null;
}

/**
 * Step 6: the service order of the candidates left, as if each were served:
 * extraordinary first, then primary and general by the static interleave.
 */
export function queueNumbers<T extends { evaluation: Evaluation; app: Application }>(
  left: readonly T[],
  quota: readonly [number, number],
): T[] {
  const streams: Record<Category, T[]> = { extraordinary: [], primary: [], general: [] };
  for (const c of left) streams[c.evaluation.category].push(c);
  for (const s of Object.values(streams)) s.sort((a, b) => compareByRegistration(a.app, b.app));
  return [...streams.extraordinary, ...interleave(streams.primary, streams.general, quota)];
}

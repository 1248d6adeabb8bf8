import type { QueueEntry, ReferralDraft, Refusal } from '../domain/outcomes.js';
import type { Application, Category, Evaluation, Place } from '../domain/types.js';
import { byteOrder } from './byte-order.js';

/**
 * The fairness audit of one district's night: allocation.md's invariants 1,
 * 3, 4, 5 and 6 checked on what the district read and what the allocation
 * gave. It shares no code with the allocator (its own ordering, its own
 * notion of fit, its own quota check), so a bug in one is not repeated in the
 * other. Pure; every check reports what it looked at and, when it fails, the
 * first counterexample in words and as data.
 */
export interface AuditInput {
  district: string;
  date: string;
  /** The free seats the district read (one row per group, or several that add up). */
  places: readonly Place[];
  /** The applications read (only `queued` ones take part). */
  applications: readonly Application[];
  /** The rules' verdicts, same index as `applications`. */
  evaluations: readonly Evaluation[];
  quota: readonly [number, number];
}

export interface AuditOutcome {
  /** In service order per cohort, cohorts by birth year. */
  referrals: readonly ReferralDraft[];
  queue: readonly QueueEntry[];
  refusals: readonly Refusal[];
  notCandidates: readonly string[];
}

export type InvariantName = 'capacity' | 'oneReferral' | 'noEnvy' | 'noWaste' | 'quota' | 'nothingLost';

export interface InvariantResult {
  /** allocation.md's number of the invariant. */
  invariant: 1 | 3 | 4 | 5 | 6;
  held: boolean;
  /** How many things were checked (groups, applications, pairs, seats, referrals). */
  checked: number;
  /** The first violation found: what, in words, with the ids involved. */
  counterexample: { message: string; ids: string[] } | null;
}

export type DistrictAudit = { district: string } & Record<InvariantName, InvariantResult>;

export const INVARIANTS: readonly InvariantName[] = ['capacity', 'oneReferral', 'noEnvy', 'noWaste', 'quota', 'nothingLost'];

const NUMBER: Record<InvariantName, InvariantResult['invariant']> = { capacity: 1, oneReferral: 1, noEnvy: 3, noWaste: 4, quota: 5, nothingLost: 6 };

interface Group {
  kindergarten: string;
  group: string;
  birthYear: number;
  language: string;
  groupType: string;
  seats: number;
  /** Referrals the outcome gave to the group. */
  taken: number;
}

/** Who, left without a referral, would take a free seat of a kind (birth year, language, group type). */
interface Takers {
  /** The first candidate in the input's order who accepts any kindergarten. */
  anyOf: string | null;
  /** Kindergartens with free seats of this kind → the first candidate who chose it (null: none yet). */
  byKindergarten: Map<string, string | null>;
}

/** The birth year of an ISO date, as Number(date.slice(0, 4)), without making the slice. */
function yearOf(date: string): number {
  const a = date.charCodeAt(0) - 48;
  const b = date.charCodeAt(1) - 48;
  const c = date.charCodeAt(2) - 48;
  const d = date.charCodeAt(3) - 48;
  if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9) return a * 1000 + b * 100 + c * 10 + d;
  return Number(date.slice(0, 4));
}

/** map.get(key), or a new value put there first. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * The audit of one district. Ids are unique in `input.applications` (a
 * district's read gives each once). A district holds some ten thousand
 * applications and runs every night, so the work is kept to arrays indexed by
 * the applications' positions, one map from id to position, and nested maps
 * instead of joined string keys; detail is gathered only for a counterexample.
 */
export function auditDistrict(input: AuditInput, out: AuditOutcome): DistrictAudit {
  const result = (name: InvariantName, checked: number, counterexample: InvariantResult['counterexample']): InvariantResult => ({
    invariant: NUMBER[name],
    held: counterexample === null,
    checked,
    counterexample,
  });
  const apps = input.applications;
  const n = apps.length;

  // The groups as read, in the order first read; several rows of one group add up.
  const groups: Group[] = [];
  const groupAt = new Map<string, Map<string, Group>>();
  for (const p of input.places) {
    if (p.seats <= 0) continue;
    const inKindergarten = entry(groupAt, p.kindergarten, () => new Map<string, Group>());
    const g = inKindergarten.get(p.group);
    if (g) g.seats += p.seats;
    else {
      const made = { kindergarten: p.kindergarten, group: p.group, birthYear: p.birthYear, language: p.language, groupType: p.groupType, seats: p.seats, taken: 0 };
      inKindergarten.set(p.group, made);
      groups.push(made);
    }
  }
  const groupOf = (r: ReferralDraft) => groupAt.get(r.kindergarten)?.get(r.group);

  // One pass over the applications (each is read once here; most are not read again): where each
  // id is, which are queued, and the candidates at the date (allocation.md step 3, by the audit's
  // own reading of the inputs) in streams by (birth year, category), streams in the order first met.
  const position = new Map<string, number>();
  const queued = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const birthYear = new Float64Array(n);
  const registeredAtUs = new Float64Array(n);
  const streams: { category: Category; members: number[] }[] = [];
  const streamAt = new Map<number, Map<Category, number[]>>();
  let queuedCount = 0;
  for (let i = 0; i < n; i++) {
    const app = apps[i]!;
    position.set(app.id, i);
    if (app.status !== 'queued') continue;
    queued[i] = 1;
    queuedCount++;
    const e = input.evaluations[i]!;
    if (!e.eligible || app.desiredFrom > input.date) continue;
    if (app.stopListUntil !== null && app.stopListUntil >= input.date) continue;
    candidate[i] = 1;
    const year = (birthYear[i] = yearOf(app.birthDate));
    registeredAtUs[i] = app.registeredAtUs;
    const ofYear = entry(streamAt, year, () => new Map<Category, number[]>());
    let members = ofYear.get(e.category);
    if (!members) {
      ofYear.set(e.category, (members = []));
      streams.push({ category: e.category, members });
    }
    members.push(i);
  }
  /** The referral of the application at each position (the last one, if it got several). */
  const referralAt: (ReferralDraft | undefined)[] = new Array<ReferralDraft | undefined>(n);

  // 1a. No group over its seats. 1b. No application with two referrals.
  let capacity: InvariantResult['counterexample'] = null;
  let twice: InvariantResult['counterexample'] = null;
  const seen = new Set<string>();
  for (const r of out.referrals) {
    const i = position.get(r.application);
    if (i !== undefined) referralAt[i] = r;
    const g = groupOf(r);
    if (g) g.taken++;
    if (!capacity && (!g || g.taken > g.seats))
      capacity = { message: g ? `group ${r.group} of ${r.kindergarten} had ${g.seats} free seats and got ${g.taken} referrals` : `referral of ${r.application} to ${r.kindergarten}/${r.group}, a group with no free seat read`, ids: [r.application] };
    if (seen.has(r.application) && !twice) twice = { message: `application ${r.application} got two referrals`, ids: [r.application] };
    seen.add(r.application);
  }

  // 3. No justified envy within a category: A served before B (same cohort, same category) never
  // sees B placed at a kindergarten A ranked above what A got (or at all, if A got nothing), in a
  // group that fitted A. Swept from the last served to the first, keeping where the later ones were
  // placed by (language, group type): a few look-ups per candidate, not one per pair.
  let envyChecked = 0;
  let envy: InvariantResult['counterexample'] = null;
  for (const { category, members } of streams) {
    if (envy) break;
    // Registration instant, then id in byte order (allocation.md step 4), written here on its own.
    members.sort((i, j) => (registeredAtUs[i] !== registeredAtUs[j] ? registeredAtUs[i]! - registeredAtUs[j]! : byteOrder(apps[i]!.id, apps[j]!.id)));
    /** language → group type → kindergarten → a later candidate placed there, in a group of that kind. */
    const later = new Map<string, Map<string, Map<string, ReferralDraft>>>();
    for (let s = members.length - 1; s >= 0 && !envy; s--) {
      const i = members[s]!;
      const a = apps[i]!;
      const there = later.get(a.language)?.get(a.groupType);
      const got = referralAt[i];
      envyChecked++;
      if (there?.size) {
        // What A ranked above what A got: the preferences before its own, or all of them (and any
        // kindergarten, if A accepts any) when A got nothing.
        const own = got ? (got.preferenceRank === 0 ? a.preferences.length : got.preferenceRank - 1) : a.preferences.length;
        let envied: ReferralDraft | undefined;
        for (let k = 0; k < own && !envied; k++) envied = there.get(a.preferences[k]!);
        if (!envied && !got && a.acceptAnyInDistrict) envied = there.values().next().value;
        if (envied)
          envy = {
            message: `${a.id} was served before ${envied.application} (both ${category}) and would take ${envied.kindergarten}, where ${envied.application} got group ${envied.group}, which fitted ${a.id}`,
            ids: [a.id, envied.application],
          };
      }
      if (got) {
        const g = groupOf(got);
        if (g) {
          const m = entry(entry(later, g.language, () => new Map<string, Map<string, ReferralDraft>>()), g.groupType, () => new Map<string, ReferralDraft>());
          if (!m.has(got.kindergarten)) m.set(got.kindergarten, got);
        }
      }
    }
  }

  // 4. No waste: no seat left free while a candidate without a referral accepts it (it fits, and
  // it is among their preferences, or they accept any). The free seats indexed by kind first, then
  // the unplaced candidates matched against them only.
  let leftSeats = 0;
  /** birth year → language → group type → who would take a free seat of that kind. */
  const takers = new Map<number, Map<string, Map<string, Takers>>>();
  for (const g of groups) {
    const left = g.seats - g.taken;
    if (left <= 0) continue;
    leftSeats += left;
    const ofYear = entry(takers, g.birthYear, () => new Map<string, Map<string, Takers>>());
    const t = entry(entry(ofYear, g.language, () => new Map<string, Takers>()), g.groupType, () => ({ anyOf: null, byKindergarten: new Map() }));
    if (!t.byKindergarten.has(g.kindergarten)) t.byKindergarten.set(g.kindergarten, null);
  }
  if (takers.size)
    for (let i = 0; i < n; i++) {
      if (!candidate[i] || referralAt[i]) continue;
      const a = apps[i]!;
      const t = takers.get(birthYear[i]!)?.get(a.language)?.get(a.groupType);
      if (!t) continue;
      if (a.acceptAnyInDistrict && t.anyOf === null) t.anyOf = a.id;
      for (const k of a.preferences) if (t.byKindergarten.get(k) === null) t.byKindergarten.set(k, a.id);
    }
  let waste: InvariantResult['counterexample'] = null;
  for (const g of groups) {
    const left = g.seats - g.taken;
    if (left <= 0) continue;
    const t = takers.get(g.birthYear)!.get(g.language)!.get(g.groupType)!;
    const who = t.byKindergarten.get(g.kindergarten) ?? t.anyOf;
    if (who) {
      waste = { message: `group ${g.group} of ${g.kindergarten} kept ${left} free seat(s) that fitted ${who}, who was left without a referral`, ids: [who] };
      break;
    }
  }

  // 5. The quota: per cohort, extraordinary referrals first; after that, a referral out of its
  // stream's turn is allowed only when the other stream had no one left, so no referral of the
  // other stream may follow it in the cohort.
  const [qp, qg] = input.quota;
  let quota: InvariantResult['counterexample'] = null;
  const byCohort = new Map<number, ReferralDraft[]>();
  for (const r of out.referrals) {
    const list = byCohort.get(r.birthYear);
    if (list) list.push(r);
    else byCohort.set(r.birthYear, [r]);
  }
  for (const [year, list] of byCohort) {
    if (quota) break;
    let p = 0;
    let g = 0;
    let after = false;
    const last: Record<Category, number> = { extraordinary: -1, primary: -1, general: -1 };
    list.forEach((r, i) => (last[r.category] = i));
    for (let i = 0; i < list.length && !quota; i++) {
      const r = list[i]!;
      if (r.category === 'extraordinary') {
        if (after) quota = { message: `cohort ${year}: extraordinary referral of ${r.application} after a primary or general one`, ids: [r.application] };
        continue;
      }
      after = true;
      const primaryTurn = p * qg <= g * qp;
      if ((r.category === 'primary') !== primaryTurn) {
        const other: Category = r.category === 'primary' ? 'general' : 'primary';
        const later = last[other] > i ? list[last[other]]! : undefined;
        if (later)
          quota = {
            message: `cohort ${year}: ${r.application} (${r.category}) was referred on ${other}'s turn (${p}:${g} issued, quota ${qp}:${qg}) while ${later.application} (${other}) was referred later`,
            ids: [r.application, later.application],
          };
      }
      if (r.category === 'primary') p++;
      else g++;
    }
  }

  // 6. Nothing lost: every queued application ends in exactly one of referred, numbered, not a
  // candidate, refused. Counted per position; the ends are named only for the first one that fails.
  let lost: InvariantResult['counterexample'] = null;
  const ends = new Uint32Array(n);
  /** The first id of the outcome that is no queued application of the district. */
  let stray: string | undefined;
  const mark = (id: string) => {
    const i = position.get(id);
    if (i !== undefined && queued[i]) ends[i]!++;
    else stray ??= id;
  };
  for (const r of out.referrals) mark(r.application);
  for (const q of out.queue) mark(q.application);
  for (const id of out.notCandidates) mark(id);
  for (const r of out.refusals) mark(r.application);
  for (let i = 0; i < n && !lost; i++) {
    if (!queued[i] || ends[i] === 1) continue;
    const id = apps[i]!.id;
    lost = { message: ends[i] ? `${id} ended the night ${endsOf(id, out).join(' and ')}` : `${id} was queued and is in no outcome`, ids: [id] };
  }
  if (!lost && stray !== undefined) lost = { message: `${stray} is in the outcome but was not a queued application of the district`, ids: [stray] };

  return {
    district: input.district,
    capacity: result('capacity', groups.length, capacity),
    oneReferral: result('oneReferral', out.referrals.length, twice),
    noEnvy: result('noEnvy', envyChecked, envy),
    noWaste: result('noWaste', leftSeats, waste),
    quota: result('quota', out.referrals.length, quota),
    nothingLost: result('nothingLost', queuedCount, lost),
  };
}

/** Where one application ended the night, every time it appears, in the outcome's order. */
function endsOf(id: string, out: AuditOutcome): string[] {
  const where: string[] = [];
  for (const r of out.referrals) if (r.application === id) where.push('referred');
  for (const q of out.queue) if (q.application === id) where.push('numbered');
  for (const x of out.notCandidates) if (x === id) where.push('not a candidate');
  for (const r of out.refusals) if (r.application === id) where.push('refused');
  return where;
}

/** The first invariant a district's audit found violated, or null. */
export function firstViolation(a: DistrictAudit): { name: InvariantName; result: InvariantResult } | null {
  for (const name of INVARIANTS) if (!a[name].held) return { name, result: a[name] };
  return null;
}

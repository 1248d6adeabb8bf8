import type { Category, Right } from '../domain/types.js';

/**
 * Why an application's queue number changed between two stored nights, from
 * the cohorts of those nights alone (who was ahead of it, in which category)
 * and what is recorded of the children that moved: pure, exact. The number is
 * one more than the count ahead, so it changes by the children who are ahead
 * now and were not before, minus those ahead before and not now; each of them
 * is counted under one reason, and the changes add up to the difference.
 */

/** One night's stored cohort of the application's district and birth year. */
export interface NightCohort {
  date: string;
  ids: readonly string[];
  /** One letter per application (e, p, g), in queue order. */
  categories: string;
}

/** Why a child ahead is no longer in the stored queue. */
export type LeftWhy = 'referred' | 'aged_out' | 'withdrawn' | 'refused' | 'not_eligible' | 'stop_list' | 'other';
/** Why a child who was not in the stored queue is now in it, ahead. */
export type JoinedWhy = 'registered' | 'restored' | 'off_stop_list' | 'desired_from' | 'eligible' | 'other';
/** Why the application itself got no number on a night. */
export type OffWhy = 'referred' | 'aged_out' | 'withdrawn' | 'refused' | 'not_eligible' | 'stop_list' | 'waiting' | 'other';
/** Why the application's own category changed. */
export type OwnCategoryWhy = 'right_expired' | 'right_not_proven' | 'right_added' | 'rights_changed';

export type PositionChange =
  /** The first night with a number. */
  | { kind: 'first'; delta: 0 }
  /** Children ahead who left the stored queue (count of one category, for one reason). */
  | { kind: 'left_ahead'; why: LeftWhy; category: Category; count: number; delta: number }
  /** Children who entered the stored queue ahead. */
  | { kind: 'joined_ahead'; why: JoinedWhy; category: Category; count: number; delta: number }
  /** The application's own category changed: `delta` is what that did to its number. */
  | { kind: 'own_category'; from: Category; to: Category; why: OwnCategoryWhy; delta: number }
  /** Children in both queues whose own category changed and who so passed the application (ahead) or fell behind it. */
  | { kind: 'their_category'; from: Category; to: Category; direction: 'ahead' | 'behind'; count: number; delta: number }
  /** Children in both queues, categories unchanged, who moved ahead or behind only by the quota's interleave on a changed queue. */
  | { kind: 'quota'; category: Category; direction: 'ahead' | 'behind'; count: number; delta: number }
  /** No number this night. */
  | { kind: 'off'; why: OffWhy; delta: 0 }
  /** A number again after nights without. */
  | { kind: 'on'; why: JoinedWhy; delta: 0 };

/** What is recorded of an application, for telling why it moved. */
export interface MoverFacts {
  registeredOn: string;
  desiredFrom: string;
  stopListUntil: string | null;
  rights: readonly Right[];
  unprovenRights: readonly Right[];
}

/** Status changes, referrals and nightly refusals of the movers, each with its business day. */
export interface Happenings {
  facts: ReadonlyMap<string, MoverFacts>;
  statusChanges: readonly { id: string; on: string; from: string | null; to: string }[];
  /** Referrals issued, by the date of the night that issued them. */
  referrals: readonly { id: string; on: string }[];
  refusals: readonly { id: string; on: string }[];
}

export const CATEGORY_OF_LETTER: Record<string, Category> = { e: 'extraordinary', p: 'primary', g: 'general' };

/** Each application's place (0-based) and category in a night's cohort. */
export function indexNight(n: NightCohort): Map<string, { at: number; category: Category }> {
  const m = new Map<string, { at: number; category: Category }>();
  n.ids.forEach((id, at) => m.set(id, { at, category: CATEGORY_OF_LETTER[n.categories[at]!] ?? 'general' }));
  return m;
}

const between = (h: Happenings, id: string, after: string, upTo: string) => h.statusChanges.filter((c) => c.id === id && c.on > after && c.on <= upTo);

export function leftWhy(h: Happenings, id: string, after: string, upTo: string): LeftWhy {
  const changes = between(h, id, after, upTo);
  const to = (s: string) => changes.some((c) => c.to === s);
  if (h.referrals.some((r) => r.id === id && r.on > after && r.on <= upTo)) return 'referred';
  if (to('aged_out')) return 'aged_out';
  if (to('annulled')) return 'withdrawn';
  if (to('refused')) return 'refused';
  if (h.refusals.some((r) => r.id === id && r.on > after && r.on <= upTo)) return 'not_eligible';
  const f = h.facts.get(id);
  if (f?.stopListUntil && f.stopListUntil >= upTo) return 'stop_list';
  return 'other';
}

export function offWhy(h: Happenings, id: string, after: string, upTo: string): OffWhy {
  const why = leftWhy(h, id, after, upTo);
  if (why !== 'other') return why;
  const f = h.facts.get(id);
  return f && f.desiredFrom > upTo ? 'waiting' : 'other';
}

export function joinedWhy(h: Happenings, id: string, after: string, upTo: string): JoinedWhy {
  const changes = between(h, id, after, upTo);
  if (changes.some((c) => c.from === 'inactive' && c.to === 'queued')) return 'restored';
  if (changes.some((c) => c.from === null) || (h.facts.get(id)?.registeredOn ?? '') > after) return 'registered';
  const f = h.facts.get(id);
  if (f?.stopListUntil && f.stopListUntil >= after && f.stopListUntil < upTo) return 'off_stop_list';
  if (h.refusals.some((r) => r.id === id && r.on === after)) return 'eligible';
  if (f && f.desiredFrom > after && f.desiredFrom <= upTo) return 'desired_from';
  return 'other';
}

export function ownCategoryWhy(h: Happenings, id: string, from: Category, to: Category, after: string, upTo: string): OwnCategoryWhy {
  const rank = { extraordinary: 0, primary: 1, general: 2 } as const;
  if (between(h, id, after, upTo).some((c) => (c.from === 'offered' || c.from === 'confirmed') && c.to === 'queued')) return 'right_not_proven';
  const f = h.facts.get(id);
  if (rank[to] > rank[from]) {
    if (f?.rights.some((r) => r.validUntil >= after && r.validUntil < upTo)) return 'right_expired';
    return 'rights_changed';
  }
  return 'right_added';
}

/**
 * The changes from night `prev` to night `cur` of application `id`, numbered
 * both nights. Their deltas add up to the change of its number.
 */
export function diffNights(id: string, prev: NightCohort, cur: NightCohort, h: Happenings): PositionChange[] {
  const p = indexNight(prev);
  const c = indexNight(cur);
  const own = { before: p.get(id)!, now: c.get(id)! };
  const ownChanged = own.before.category !== own.now.category;
  const groups = new Map<string, PositionChange>();
  const add = (key: string, make: () => PositionChange, delta: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = make()));
    g.delta += delta;
    if ('count' in g) g.count++;
  };
  const moved = (was: { at: number; category: Category }, is: { at: number; category: Category }, direction: 'ahead' | 'behind') => {
    const delta = direction === 'ahead' ? 1 : -1;
    if (ownChanged) return add('own', () => ({ kind: 'own_category', from: own.before.category, to: own.now.category, why: ownCategoryWhy(h, id, own.before.category, own.now.category, prev.date, cur.date), delta: 0 }), delta);
    if (was.category !== is.category)
      return add(`their/${was.category}/${is.category}/${direction}`, () => ({ kind: 'their_category', from: was.category, to: is.category, direction, count: 0, delta: 0 }), delta);
    add(`quota/${is.category}/${direction}`, () => ({ kind: 'quota', category: is.category, direction, count: 0, delta: 0 }), delta);
  };
  // Ahead before: still ahead, now behind, or gone.
  for (let i = 0; i < own.before.at; i++) {
    const y = prev.ids[i]!;
    const was = p.get(y)!;
    const is = c.get(y);
    if (!is) {
      const why = leftWhy(h, y, prev.date, cur.date);
      add(`left/${why}/${was.category}`, () => ({ kind: 'left_ahead', why, category: was.category, count: 0, delta: 0 }), -1);
    } else if (is.at > own.now.at) moved(was, is, 'behind');
  }
  // Ahead now: new, or from behind.
  for (let i = 0; i < own.now.at; i++) {
    const y = cur.ids[i]!;
    const is = c.get(y)!;
    const was = p.get(y);
    if (!was) {
      const why = joinedWhy(h, y, prev.date, cur.date);
      add(`joined/${why}/${is.category}`, () => ({ kind: 'joined_ahead', why, category: is.category, count: 0, delta: 0 }), 1);
    } else if (was.at > own.before.at) moved(was, is, 'ahead');
  }
  if (ownChanged && !groups.has('own'))
    groups.set('own', { kind: 'own_category', from: own.before.category, to: own.now.category, why: ownCategoryWhy(h, id, own.before.category, own.now.category, prev.date, cur.date), delta: 0 });
  return [...groups.values()];
}

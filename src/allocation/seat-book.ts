import { KezekError } from '../errors.js';
import { compareIds } from '../domain/ids.js';
import type { GroupType, Language, Place } from '../domain/types.js';

/** A group with free seats, as the matcher sees it. */
export interface OpenGroup {
  kindergarten: string;
  group: string;
  seats: number;
}

/** The four keys made once: matching asks for one per preference of every candidate. */
const FIT_KEYS: Record<string, Record<string, string>> = {
  kk: { general: 'kk\u0000general', special: 'kk\u0000special' },
  ru: { general: 'ru\u0000general', special: 'ru\u0000special' },
};
const fitKey = (language: string, groupType: string): string => FIT_KEYS[language]?.[groupType] ?? `${language}\u0000${groupType}`;

/**
 * The free seats of one cohort (district + birth year), indexed the way the
 * matcher asks: by kindergarten for preferences, and in (kindergarten, group)
 * order for "accept any". Seats only ever go down during a run, so a cursor
 * over the sorted list skips exhausted groups for good.
 */
export class SeatBook {
  /** kindergarten → fit key → groups sorted by group id. */
  private readonly byKindergarten = new Map<string, Map<string, OpenGroup[]>>();
  /** fit key → groups sorted by kindergarten id, then group id. */
  private readonly anyOrder = new Map<string, { groups: OpenGroup[]; cursor: number }>();
  private free = 0;

  constructor(places: readonly Place[]) {
    const groups = new Map<string, OpenGroup & { key: string }>();
    for (const p of places) {
      if (p.seats <= 0) continue;
      const id = `${p.kindergarten}\u0000${p.group}`;
      const existing = groups.get(id);
      if (existing) existing.seats += p.seats;
      else groups.set(id, { kindergarten: p.kindergarten, group: p.group, seats: p.seats, key: fitKey(p.language, p.groupType) });
    }
    const sorted = [...groups.values()].sort((a, b) => compareIds(a.kindergarten, b.kindergarten) || compareIds(a.group, b.group));
    for (const g of sorted) {
      this.free += g.seats;
      let perKg = this.byKindergarten.get(g.kindergarten);
      if (!perKg) this.byKindergarten.set(g.kindergarten, (perKg = new Map()));
      let list = perKg.get(g.key);
      if (!list) perKg.set(g.key, (list = []));
      list.push(g);
      let any = this.anyOrder.get(g.key);
      if (!any) this.anyOrder.set(g.key, (any = { groups: [], cursor: 0 }));
      any.groups.push(g);
    }
  }

  /** Free seats left in the whole cohort. */
  get freeSeats(): number {
    return this.free;
  }

  /** The fitting group with the smallest id at a kindergarten, or null. Does not take a seat. */
  fitAt(kindergarten: string, language: Language, groupType: GroupType): OpenGroup | null {
    const list = this.byKindergarten.get(kindergarten)?.get(fitKey(language, groupType));
    if (!list) return null;
    for (const g of list) if (g.seats > 0) return g;
    return null;
  }

  /** The fitting group with the smallest (kindergarten id, group id) in the district, or null. */
  fitAnywhere(language: Language, groupType: GroupType): OpenGroup | null {
    const any = this.anyOrder.get(fitKey(language, groupType));
    if (!any) return null;
    while (any.cursor < any.groups.length && any.groups[any.cursor]!.seats === 0) any.cursor++;
    return any.groups[any.cursor] ?? null;
  }

  take(group: OpenGroup): void {
    if (group.seats <= 0) throw new KezekError('INVARIANT_BROKEN', `no free seat left in ${group.kindergarten}/${group.group}`);
    group.seats--;
    this.free--;
  }

  /** Every group with its seats left, in (kindergarten, group) order. */
  remaining(): OpenGroup[] {
    const out: OpenGroup[] = [];
    for (const any of this.anyOrder.values()) out.push(...any.groups);
    return out.sort((a, b) => compareIds(a.kindergarten, b.kindergarten) || compareIds(a.group, b.group));
  }
}

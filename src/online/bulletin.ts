import { districtList, freeGroups, latestQueueCounts, latestReferralCounts, type CohortCount } from '../db/bulletin.js';
import type { Queryable } from '../db/database.js';
import type { GroupType, Language } from '../domain/types.js';
import { NotFoundError } from '../errors.js';

/**
 * The public vacancy bulletin and the queue's statistics (api.md: no key, no
 * personal data, ever): free seats by kindergarten (by name) and group, and
 * the queue's counts by cohort and category. Astana publishes such a bulletin
 * every morning; Vilnius the same per group as open data.
 */
export interface Bulletin {
  date: string;
  district: string;
  kindergartens: { id: string; name: string; groups: { group: string; birthYear: number; language: Language; groupType: GroupType; freeSeats: number }[] }[];
}

/**
 * The bulletin of each asked district (all when none is asked): the seats as
 * they stand now (reported minus live referrals), dated `date` (today); or,
 * with `asOf`, as they stood at the end of `date` (after that day's night).
 */
export async function bulletins(db: Queryable, districts: readonly string[], date: string, o: { asOf?: boolean } = {}): Promise<Bulletin[]> {
  const known = await districtList(db);
  const unknown = districts.filter((d) => !known.some((k) => k.id === d));
  if (unknown.length) throw new NotFoundError('district', unknown.join(', '));
  const wanted = districts.length ? known.filter((k) => districts.includes(k.id)) : known;
  const rows = await freeGroups(db, wanted.map((d) => d.id), o.asOf ? date : null);
  return wanted.map((d) => {
    const kindergartens: Bulletin['kindergartens'] = [];
    for (const r of rows) {
      if (r.district !== d.id) continue;
      let k = kindergartens.at(-1);
      if (k?.id !== r.kindergarten) kindergartens.push((k = { id: r.kindergarten, name: r.kindergartenName, groups: [] }));
      k.groups.push({ group: r.group, birthYear: r.birthYear, language: r.language, groupType: r.groupType, freeSeats: r.freeSeats });
    }
    return { date, district: d.id, kindergartens };
  });
}

/** The bulletin as CSV rows (api.md's columns), header first. */
export const BULLETIN_CSV_COLUMNS = ['district', 'kindergarten', 'kindergarten_name', 'group', 'birth_year', 'language', 'group_type', 'free_seats'] as const;

export function bulletinRows(list: readonly Bulletin[]): (string | number)[][] {
  return list.flatMap((b) => b.kindergartens.flatMap((k) => k.groups.map((g) => [b.district, k.id, k.name, g.group, g.birthYear, g.language, g.groupType, g.freeSeats])));
}

export interface DistrictStats {
  district: string;
  /** The night the counts come from (the district's latest stored run), or null before any. */
  runDate: string | null;
  queue: CohortCount[];
  referrals: { byCategory: Record<string, number>; byPreferenceRank: Record<string, number> };
}

export async function districtStats(db: Queryable, district: string): Promise<DistrictStats> {
  if (!(await districtList(db)).some((d) => d.id === district)) throw new NotFoundError('district', district);
  const { runDate, cohorts } = await latestQueueCounts(db, district);
  return { district, runDate, queue: cohorts, referrals: await latestReferralCounts(db, district) };
}

import { describe, expect, it } from 'vitest';
import { ageInMonths, dayNumber, isValidDate, parseInstant } from '../../src/domain/dates.js';
import { childIinProblem, iinBirthDate, iinProblem } from '../../src/domain/iin.js';
import {
  applicationLineRecords,
  applicationLines,
  checkGenerateOptions,
  districtLines,
  kindergartenLines,
  placeLineRecords,
  placeLines,
  type BadKind,
  type GenerateOptions,
  type GeneratedLine,
} from '../../src/demo/generate.js';
import { UsageError } from '../../src/errors.js';

const DATE = '2026-09-01';
const BASE: GenerateOptions = {
  seed: 7,
  date: DATE,
  districts: 8,
  kindergartensPerDistrict: 6,
  applications: 3000,
  seats: 600,
  badLines: true,
};
const opts = (over: Partial<GenerateOptions> = {}): GenerateOptions => ({ ...BASE, ...over });

/** formats.md key order of an application line (stopListUntil, optional, comes last). */
const APPLICATION_KEYS = [
  'id', 'child', 'applicant', 'district', 'registeredAt', 'channel', 'preferences',
  'acceptAnyInDistrict', 'language', 'groupType', 'desiredFrom', 'rights', 'status',
];
const CATEGORIES = new Set(['military', 'special_state_body', 'orphan', 'without_parental_care', 'disability', 'special_needs', 'parent_disability', 'large_family', 'teacher']);
const EXTRAORDINARY = new Set(['military', 'special_state_body']);

interface App {
  id: string;
  child: { iin: string; birthDate: string; name: string };
  applicant: { iin: string; name: string; relation: string };
  district: string;
  registeredAt: string;
  channel: string;
  preferences: string[];
  acceptAnyInDistrict: boolean;
  language: string;
  groupType: string;
  desiredFrom: string;
  rights: { category: string; document: string; validUntil: string }[];
  status: string;
  stopListUntil?: string;
}

interface Kg {
  id: string;
  district: string;
  name: string;
  languages: string[];
}

function world(o: GenerateOptions): { districts: Set<string>; kgs: Map<string, Kg> } {
  const districts = new Set([...districtLines(o)].map((l) => (JSON.parse(l) as { id: string }).id));
  const kgs = new Map([...kindergartenLines(o)].map((l) => JSON.parse(l) as Kg).map((k) => [k.id, k] as const));
  return { districts, kgs };
}

/**
 * An independent reading of formats.md: the reasons an import should reject a line.
 * `seen` collects ids to find repeats.
 */
function applicationProblems(line: string, w: ReturnType<typeof world>, seen: Set<string>): string[] {
  let a: App;
  try {
    a = JSON.parse(line) as App;
  } catch {
    return ['json'];
  }
  const problems: string[] = [];
  if (typeof a.id !== 'string' || !/^APP-\d{7}$/.test(a.id)) problems.push('id');
  else if (seen.has(a.id)) problems.push('duplicate_id');
  else seen.add(a.id);
  if (!isValidDate(a.child?.birthDate)) problems.push('birth_date');
  else {
    const p = childIinProblem(a.child.iin, a.child.birthDate);
    if (p) problems.push(p);
  }
  if (typeof a.child?.name !== 'string' || a.child.name === '') problems.push('child_name');
  if (iinProblem(a.applicant?.iin)) problems.push('applicant_iin');
  if (!['mother', 'father', 'guardian'].includes(a.applicant?.relation)) problems.push('relation');
  if (!w.districts.has(a.district)) problems.push('unknown_district');
  if (parseInstant(a.registeredAt) === null) problems.push('registeredAt');
  if (!['portal', 'office', 'govcorp'].includes(a.channel)) problems.push('channel');
  if (!Array.isArray(a.preferences) || a.preferences.length < 1 || a.preferences.length > 3) problems.push('preferences');
  else {
    if (new Set(a.preferences).size !== a.preferences.length) problems.push('preference_repeated');
    if (a.preferences.some((id) => w.kgs.get(id)?.district !== a.district)) problems.push('preference_district');
  }
  if (typeof a.acceptAnyInDistrict !== 'boolean') problems.push('acceptAnyInDistrict');
  if (!['kk', 'ru'].includes(a.language)) problems.push('language');
  if (!['general', 'special'].includes(a.groupType)) problems.push('groupType');
  if (!isValidDate(a.desiredFrom)) problems.push('desiredFrom');
  if (!Array.isArray(a.rights) || a.rights.some((r) => !CATEGORIES.has(r.category) || !isValidDate(r.validUntil) || !/^[A-Z]{3,4}-\d{5}$/.test(r.document))) {
    problems.push('rights');
  }
  if (!['queued', 'offered', 'enrolled'].includes(a.status)) problems.push('status');
  if (a.stopListUntil !== undefined && !isValidDate(a.stopListUntil)) problems.push('stopListUntil');
  return problems;
}

/** The problem each kind of bad line must show (JSON.parse fails for the first two). */
const EXPECTED_PROBLEM: Record<BadKind, string> = {
  not_json: 'json',
  truncated: 'json',
  iin_check_digit: 'iin_check_digit',
  iin_birth_date: 'iin_birth_date',
  impossible_date: 'birth_date',
  duplicate_id: 'duplicate_id',
  unknown_district: 'unknown_district',
  foreign_preference: 'preference_district',
  missing_field: 'registeredAt',
  wrong_type: 'preferences',
  unknown_kindergarten: 'unknown_kindergarten',
  zero_seats: 'seats',
};

/** One 20,000-application dataset (with bad lines) shared by the tests that need a big sample. */
const SAMPLE = opts({ applications: 20_000, seats: 4000 });
let sampleCache: { records: GeneratedLine[]; apps: App[]; world: ReturnType<typeof world> } | undefined;
function sample(): NonNullable<typeof sampleCache> {
  if (!sampleCache) {
    const records = [...applicationLineRecords(SAMPLE)];
    const apps = records.filter((r) => r.bad === null).map((r) => JSON.parse(r.line) as App);
    sampleCache = { records, apps, world: world(SAMPLE) };
  }
  return sampleCache;
}

function goodApplications(o: GenerateOptions): App[] {
  return [...applicationLineRecords(o)].filter((r) => r.bad === null).map((r) => JSON.parse(r.line) as App);
}

describe('determinism', () => {
  it('gives byte-identical files for the same options and other files for another seed', () => {
    const o = opts();
    for (const gen of [districtLines, kindergartenLines, placeLines, applicationLines]) {
      expect([...gen(o)]).toEqual([...gen(opts())]);
    }
    const other = opts({ seed: 8 });
    expect([...applicationLines(other)]).not.toEqual([...applicationLines(o)]);
    expect([...placeLines(other)]).not.toEqual([...placeLines(o)]);
    expect([...kindergartenLines(other)]).not.toEqual([...kindergartenLines(o)]);
  });

  it('keeps each file on its own stream: seats do not change applications, bad lines do not change good ones', () => {
    expect([...applicationLines(opts({ seats: 10 }))]).toEqual([...applicationLines(opts({ seats: 5000 }))]);
    const withBad = [...applicationLineRecords(opts())].filter((r) => r.bad === null).map((r) => r.line);
    expect(withBad).toEqual([...applicationLines(opts({ badLines: false }))]);
    const placesWithBad = [...placeLineRecords(opts())].filter((r) => r.bad === null).map((r) => r.line);
    expect(placesWithBad).toEqual([...placeLines(opts({ badLines: false }))]);
  });
});

describe('districts and kindergartens', () => {
  it('gives unique district ids past the hand-written list, with Kazakh names and regions', () => {
    const lines = [...districtLines(opts({ districts: 120, applications: 0, seats: 0 }))].map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toHaveLength(120);
    expect(new Set(lines.map((d) => d.id)).size).toBe(120);
    for (const d of lines) {
      expect(Object.keys(d)).toEqual(['id', 'name', 'region']);
      expect(d.id).toMatch(/^[A-Z]{3}-(?:[A-Z]{3}|D\d{3})$/);
      expect(d.name).toMatch(/(ауданы|қаласы)( \(\d+\))?$/);
      expect(d.region).toMatch(/^[А-ЯӘҒҚҢӨҰҮҺІ]/);
    }
    expect(lines[0]).toEqual({ id: 'ALA-MED', name: 'Медеу ауданы', region: 'Алматы' });
    expect(lines.some((d) => /-D\d{3}$/.test(d.id))).toBe(true);
  });

  it('gives big city districts and small rural ones', () => {
    const sizes = new Map<string, number>();
    for (const line of applicationLines(opts({ districts: 60, applications: 6000, badLines: false }))) {
      const d = (JSON.parse(line) as App).district;
      sizes.set(d, (sizes.get(d) ?? 0) + 1);
    }
    expect(sizes.size).toBe(60);
    const city = [...sizes].filter(([id]) => !/-D\d{3}$/.test(id)).map(([, n]) => n);
    const rural = [...sizes].filter(([id]) => /-D\d{3}$/.test(id)).map(([, n]) => n);
    const mean = (xs: number[]): number => xs.reduce((s, n) => s + n, 0) / xs.length;
    expect(mean(city)).toBeGreaterThan(2 * mean(rural));
    expect(Math.max(...sizes.values())).toBeGreaterThan(4 * Math.min(...sizes.values()));
  });

  it('gives each district kindergartens within ±50% of the average, ids unique, languages kk/ru', () => {
    const o = opts({ districts: 30, kindergartensPerDistrict: 20 });
    const { districts, kgs } = world(o);
    const perDistrict = new Map<string, number>();
    for (const k of kgs.values()) {
      expect(districts.has(k.district)).toBe(true);
      expect(k.id).toMatch(new RegExp(`^KG-${k.district}-\\d{4}$`));
      expect(k.name).toMatch(/^(№\d+ \S|«)/);
      expect([['kk'], ['ru'], ['kk', 'ru']]).toContainEqual(k.languages);
      perDistrict.set(k.district, (perDistrict.get(k.district) ?? 0) + 1);
    }
    expect(kgs.size).toBe([...kindergartenLines(o)].length); // no id twice
    expect(perDistrict.size).toBe(30);
    const counts = [...perDistrict.values()];
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(30);
    }
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts)); // it does vary
    expect(kgs.size).toBe(30 * 20); // the average is exact
  });
});

describe('applications', () => {
  it('writes every good line as JSON.stringify would, keys in the formats.md order', () => {
    for (const r of applicationLineRecords(opts())) {
      if (r.bad !== null) continue;
      const a = JSON.parse(r.line) as App;
      expect(JSON.stringify(a)).toBe(r.line);
      expect(Object.keys(a).filter((k) => k !== 'stopListUntil')).toEqual(APPLICATION_KEYS);
      expect(Object.keys(a.child)).toEqual(['iin', 'birthDate', 'name']);
      expect(Object.keys(a.applicant)).toEqual(['iin', 'name', 'relation']);
    }
  });

  it('gives every good line a valid child IIN that agrees with the birth date, and a valid adult applicant IIN', () => {
    const apps = goodApplications(opts());
    expect(apps).toHaveLength(3000);
    for (const a of apps) {
      expect(childIinProblem(a.child.iin, a.child.birthDate)).toBeNull();
      expect(iinProblem(a.applicant.iin)).toBeNull();
      const born = iinBirthDate(a.applicant.iin)!;
      expect(born >= '1975-01-01' && born <= '2002-12-31').toBe(true);
      // A mother's IIN says female (century digit even), a father's male.
      if (a.applicant.relation === 'mother') expect(Number(a.applicant.iin[6]) % 2).toBe(0);
      if (a.applicant.relation === 'father') expect(Number(a.applicant.iin[6]) % 2).toBe(1);
    }
    // Child IINs are unique (serials are counted up per birth date and sex).
    expect(new Set(apps.map((a) => a.child.iin)).size).toBe(apps.length);
  });

  it('passes an independent check of every formats.md rule on every good line', () => {
    const o = opts({ badLines: false });
    const w = world(o);
    const seen = new Set<string>();
    for (const line of applicationLines(o)) expect(applicationProblems(line, w, seen)).toEqual([]);
  });

  it('lists 1 to 3 distinct kindergartens of the application’s own district, mostly teaching its language', () => {
    const o = opts();
    const { kgs } = world(o);
    const apps = goodApplications(o);
    let inLanguage = 0;
    const lengths = new Set<number>();
    for (const a of apps) {
      expect(a.preferences.length).toBeGreaterThanOrEqual(1);
      expect(a.preferences.length).toBeLessThanOrEqual(3);
      expect(new Set(a.preferences).size).toBe(a.preferences.length);
      for (const id of a.preferences) expect(kgs.get(id)?.district).toBe(a.district);
      if (kgs.get(a.preferences[0]!)!.languages.includes(a.language)) inLanguage++;
      lengths.add(a.preferences.length);
    }
    expect([...lengths].sort()).toEqual([1, 2, 3]);
    expect(inLanguage / apps.length).toBeGreaterThan(0.8);
  });

  it('numbers applications APP-0000001… uniquely, the only repeat being the deliberate one', () => {
    const records = [...applicationLineRecords(opts())];
    const good = records.filter((r) => r.bad === null).map((r) => (JSON.parse(r.line) as App).id);
    expect(good).toEqual(good.map((_, i) => `APP-${String(i + 1).padStart(7, '0')}`));
    const seen = new Set<string>();
    const repeats: string[] = [];
    for (const r of records) {
      let id: string;
      try {
        id = (JSON.parse(r.line) as App).id;
      } catch {
        continue;
      }
      if (seen.has(id)) repeats.push(r.bad ?? 'good');
      seen.add(id);
    }
    expect(repeats.length).toBeGreaterThan(0);
    expect(repeats.every((k) => k === 'duplicate_id')).toBe(true);
    expect(repeats.length).toBe(records.filter((r) => r.bad === 'duplicate_id').length);
  });

  it('registers each child after birth and before the date, in Kazakh offsets, with repeated instants in other offsets', () => {
    const apps = goodApplications(opts());
    const start = Date.UTC(2022, 8, 1) * 1000 - 86_400_000_000;
    const offsets = new Map<string, number>();
    const byInstant = new Map<string, Set<string>>();
    for (const a of apps) {
      const at = parseInstant(a.registeredAt)!;
      expect(at).toBeGreaterThanOrEqual(dayNumber(a.child.birthDate) * 86_400_000_000 - 6 * 3_600_000_000);
      expect(at).toBeLessThan(dayNumber(DATE) * 86_400_000_000);
      expect(at).toBeGreaterThanOrEqual(start - 6 * 3_600_000_000);
      const offset = a.registeredAt.slice(19);
      offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
      const key = `${a.district} ${at}`;
      byInstant.set(key, (byInstant.get(key) ?? new Set()).add(offset));
    }
    expect([...offsets.keys()].sort()).toEqual(['+05:00', '+06:00', 'Z']);
    // Offices take applications Mon–Fri 09:00–17:30 (lunch 13:00–14:30), the State Corporation Mon–Sat 09:00–20:00.
    for (const a of apps.filter((x) => x.channel !== 'portal' && !x.registeredAt.endsWith('Z'))) {
      const local = new Date(`${a.registeredAt.slice(0, 19)}Z`);
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const day = local.getUTCDay();
      if (a.channel === 'office') {
        expect(day >= 1 && day <= 5 && minute >= 540 && minute < 1050 && (minute < 780 || minute >= 870)).toBe(true);
      } else {
        expect(day >= 1 && day <= 6 && minute >= 540 && minute < 1200).toBe(true);
      }
    }
    expect(offsets.get('+05:00')! / apps.length).toBeGreaterThan(0.5);
    // The same instant written in two offsets within a district, in every district.
    const sameInstant = [...byInstant].filter(([, set]) => set.size > 1).map(([key]) => key.split(' ')[0]);
    expect(new Set(sameInstant).size).toBe(BASE.districts);
  });

  it('includes the age edges in every district: 7th birthday on the date, the day after, exactly 12 months, a day short', () => {
    const apps = goodApplications(opts());
    const edges = ['2019-09-01', '2019-09-02', '2025-09-01', '2025-09-02'];
    for (const d of new Set(apps.map((a) => a.district))) {
      const births = new Set(apps.filter((a) => a.district === d).map((a) => a.child.birthDate));
      for (const e of edges) expect(births.has(e)).toBe(true);
    }
    expect(ageInMonths('2019-09-01', DATE)).toBe(84);
    expect(ageInMonths('2019-09-02', DATE)).toBe(83);
    expect(ageInMonths('2025-09-01', DATE)).toBe(12);
    expect(ageInMonths('2025-09-02', DATE)).toBe(11);
  });

  it('has realistic shares on a 20,000-application sample', () => {
    const { apps } = sample();
    expect(apps).toHaveLength(20_000);
    const share = (pred: (a: App) => boolean): number => apps.filter(pred).length / apps.length;
    const months = (a: App): number => ageInMonths(a.child.birthDate, DATE);
    expect(share((a) => months(a) >= 12 && months(a) < 84)).toBeGreaterThan(0.94);
    expect(share((a) => months(a) >= 84)).toBeGreaterThan(0.012);
    expect(share((a) => months(a) >= 84)).toBeLessThan(0.03);
    expect(share((a) => months(a) < 12)).toBeGreaterThan(0.012);
    expect(share((a) => months(a) < 12)).toBeLessThan(0.03);
    expect(share((a) => a.channel === 'portal')).toBeGreaterThan(0.66);
    expect(share((a) => a.channel === 'portal')).toBeLessThan(0.74);
    expect(share((a) => a.channel === 'office')).toBeGreaterThan(0.12);
    expect(share((a) => a.channel === 'govcorp')).toBeGreaterThan(0.12);
    expect(share((a) => a.acceptAnyInDistrict)).toBeGreaterThan(0.31);
    expect(share((a) => a.acceptAnyInDistrict)).toBeLessThan(0.39);
    expect(share((a) => a.language === 'kk')).toBeGreaterThan(0.58);
    expect(share((a) => a.language === 'kk')).toBeLessThan(0.72);
    expect(share((a) => a.groupType === 'special')).toBeGreaterThan(0.02);
    expect(share((a) => a.groupType === 'special')).toBeLessThan(0.05);
    expect(share((a) => a.desiredFrom > DATE)).toBeGreaterThan(0.08);
    expect(share((a) => a.desiredFrom > DATE)).toBeLessThan(0.12);
    expect(share((a) => a.rights.some((r) => EXTRAORDINARY.has(r.category)))).toBeGreaterThan(0.013);
    expect(share((a) => a.rights.some((r) => EXTRAORDINARY.has(r.category)))).toBeLessThan(0.03);
    expect(share((a) => a.rights.some((r) => !EXTRAORDINARY.has(r.category)))).toBeGreaterThan(0.13);
    expect(share((a) => a.rights.some((r) => !EXTRAORDINARY.has(r.category)))).toBeLessThan(0.19);
    expect(share((a) => a.rights.length === 2)).toBeGreaterThan(0.002);
    expect(share((a) => a.stopListUntil !== undefined)).toBeGreaterThan(0.006);
    expect(share((a) => a.stopListUntil !== undefined)).toBeLessThan(0.015);
    expect(share((a) => a.status === 'queued')).toBeGreaterThan(0.96);
    expect(share((a) => a.status === 'offered')).toBeGreaterThan(0);
    expect(share((a) => a.status === 'enrolled')).toBeGreaterThan(0);
    expect(share((a) => a.applicant.relation === 'mother')).toBeGreaterThan(0.6);
    const rights = apps.flatMap((a) => a.rights);
    const expired = rights.filter((r) => r.validUntil < DATE).length / rights.length;
    expect(expired).toBeGreaterThan(0.11);
    expect(expired).toBeLessThan(0.19);
    const byCategory = new Map<string, number>();
    for (const r of rights) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    expect([...byCategory.keys()].sort()).toEqual([...CATEGORIES].sort());
    const primaryCounts = [...byCategory].filter(([c]) => !EXTRAORDINARY.has(c)).sort((p, q) => q[1] - p[1]);
    expect(primaryCounts[0]![0]).toBe('large_family');
    // Edges around the date: proof valid to the date itself, stop list ending before, on and after it.
    expect(rights.some((r) => r.validUntil === DATE)).toBe(true);
    const stops = apps.flatMap((a) => (a.stopListUntil ? [a.stopListUntil] : []));
    expect(stops.some((s) => s < DATE) && stops.includes(DATE) && stops.some((s) => s > DATE)).toBe(true);
    expect(apps.some((a) => a.desiredFrom === DATE)).toBe(true);
    // Names: Kazakh and Russian, "First Last", the child's surname in the child's sex' form.
    expect(apps.every((a) => /^\S+ \S+$/.test(a.child.name) && /^\S+ \S+$/.test(a.applicant.name))).toBe(true);
    expect(apps.some((a) => /[әғқңөұүһі]/i.test(a.child.name))).toBe(true);
    expect(apps.some((a) => /^(Анна|Мария|Александр|Михаил|Иван) /.test(a.child.name))).toBe(true);
  });
});

describe('places', () => {
  it('offers seats only in existing kindergartens, in their languages, for children aged 1 to 6', () => {
    const o = opts({ badLines: false });
    const { kgs } = world(o);
    const rows = [...placeLines(o)].map((l) => JSON.parse(l) as Record<string, unknown>);
    const groups = new Map<string, string>();
    let seats = 0;
    let repeats = 0;
    let special = 0;
    for (const p of rows) {
      expect(Object.keys(p)).toEqual(['kindergarten', 'group', 'birthYear', 'language', 'groupType', 'seats']);
      const kg = kgs.get(p.kindergarten as string);
      expect(kg).toBeDefined();
      expect(kg!.languages).toContain(p.language);
      expect(p.group).toMatch(new RegExp(`^G${p.birthYear}-${p.language}-\\d$`));
      expect(p.birthYear).toBeGreaterThanOrEqual(2019);
      expect(p.birthYear).toBeLessThanOrEqual(2025);
      expect(p.seats).toBeGreaterThanOrEqual(1);
      expect(p.seats).toBeLessThanOrEqual(4);
      // A group keeps its birth year, language and type on every row.
      const key = `${p.kindergarten} ${p.group}`;
      const shape = `${p.birthYear} ${p.language} ${p.groupType}`;
      if (groups.has(key)) {
        repeats++;
        expect(groups.get(key)).toBe(shape);
      }
      groups.set(key, shape);
      seats += p.seats as number;
      if (p.groupType === 'special') special++;
    }
    expect(seats).toBe(o.seats);
    expect(repeats).toBeGreaterThan(0);
    expect(special / rows.length).toBeGreaterThan(0.01);
    expect(special / rows.length).toBeLessThan(0.1);
  });

  it('spreads seats over districts in proportion to their applications', () => {
    const o = SAMPLE;
    const { kgs } = sample().world;
    const apps = new Map<string, number>();
    for (const a of sample().apps) apps.set(a.district, (apps.get(a.district) ?? 0) + 1);
    const seats = new Map<string, number>();
    for (const r of placeLineRecords(o)) {
      if (r.bad !== null) continue;
      const p = JSON.parse(r.line) as { kindergarten: string; seats: number };
      const d = kgs.get(p.kindergarten)!.district;
      seats.set(d, (seats.get(d) ?? 0) + p.seats);
    }
    for (const [d, n] of apps) expect(Math.abs(seats.get(d)! - (n * 4000) / 20_000)).toBeLessThanOrEqual(1);
  });
});

describe('bad lines', () => {
  it('appear only when asked for', () => {
    const o = opts({ badLines: false });
    expect([...applicationLineRecords(o)].filter((r) => r.bad !== null)).toEqual([]);
    expect([...placeLineRecords(o)].filter((r) => r.bad !== null)).toEqual([]);
    const w = world(o);
    for (const line of placeLines(o)) {
      const p = JSON.parse(line) as { kindergarten: string; seats: number };
      expect(w.kgs.has(p.kindergarten) && Number.isInteger(p.seats) && p.seats > 0).toBe(true);
    }
  });

  it('include every kind, spread through the files, each failing for its own reason', () => {
    const o = SAMPLE;
    const { records, world: w } = sample();
    const seen = new Set<string>();
    const kinds = new Map<BadKind, number>();
    const positions: number[] = [];
    const unexpected: string[] = [];
    records.forEach((r, i) => {
      const problems = applicationProblems(r.line, w, seen);
      if (r.bad === null ? problems.length > 0 : !problems.includes(EXPECTED_PROBLEM[r.bad])) {
        unexpected.push(`${i} ${r.bad ?? 'good'}: ${problems.join(',')}`);
      }
      if (r.bad === null) return;
      kinds.set(r.bad, (kinds.get(r.bad) ?? 0) + 1);
      positions.push(i);
    });
    expect(unexpected).toEqual([]);
    expect([...kinds.keys()].sort()).toEqual(
      ['not_json', 'truncated', 'iin_check_digit', 'iin_birth_date', 'impossible_date', 'unknown_district', 'foreign_preference', 'duplicate_id', 'missing_field', 'wrong_type'].sort(),
    );
    expect(positions).toHaveLength(40); // 0.2%
    expect(positions[0]!).toBeGreaterThan(100);
    expect(positions.at(-1)!).toBeLessThan(records.length - 100);

    const places = [...placeLineRecords(o)];
    const badPlaces = places.filter((r) => r.bad !== null);
    expect(badPlaces.map((r) => r.bad).sort()).toEqual(['unknown_kindergarten', 'zero_seats']);
    for (const r of badPlaces) {
      const p = JSON.parse(r.line) as { kindergarten: string; seats: number };
      const problem = !w.kgs.has(p.kindergarten) ? 'unknown_kindergarten' : p.seats > 0 ? null : 'seats';
      expect(problem).toBe(EXPECTED_PROBLEM[r.bad!]);
    }
  });

  it('are at least one of each kind even in a tiny file', () => {
    const records = [...applicationLineRecords(opts({ applications: 3, districts: 1 }))];
    expect(records.filter((r) => r.bad === null)).toHaveLength(3);
    expect(new Set(records.map((r) => r.bad).filter((k) => k !== null)).size).toBe(10);
    expect(records[0]!.bad).toBeNull(); // a duplicate id needs an earlier line
  });
});

describe('options', () => {
  it('rejects what cannot be generated', () => {
    expect(() => checkGenerateOptions(opts({ date: '2026-02-30' }))).toThrow(UsageError);
    expect(() => checkGenerateOptions(opts({ applications: -1 }))).toThrow(UsageError);
    expect(() => checkGenerateOptions(opts({ districts: 0 }))).toThrow(UsageError);
    expect(() => [...applicationLines(opts({ seed: 1.5 }))]).toThrow(UsageError);
    expect(() => checkGenerateOptions(opts({ districts: 0, applications: 0, seats: 0 }))).not.toThrow();
  });
});

/** fast-check generators of random districts for the allocation property tests. */
import fc from 'fast-check';
import type { Application, Category, Evaluation, GroupType, Language, Place } from '../../src/domain/types.js';
import { DISTRICT } from './builders.js';

export const DATE = '2025-08-15';
export const YEARS = [2020, 2021, 2022] as const;
/** Mostly two cohorts, so children compete for the same seats. */
const yearArb = fc.constantFrom(2021, 2021, 2022, 2022, 2022, 2020);
/** Ids chosen so byte order differs from numeric and case-insensitive order. */
export const KINDERGARTENS = ['KG-1', 'KG-10', 'KG-2', 'KG-9', 'KG-a', 'KG-B'] as const;

const language: fc.Arbitrary<Language> = fc.constantFrom('kk', 'kk', 'kk', 'ru');
const groupType: fc.Arbitrary<GroupType> = fc.constantFrom('general', 'general', 'general', 'special');

export const placeArb = (kgs: readonly string[]): fc.Arbitrary<Place> =>
  fc
    .record({
      kindergarten: fc.constantFrom(...kgs),
      birthYear: yearArb,
      language,
      groupType,
      suffix: fc.constantFrom('1', '2', '10', 'a'),
      seats: fc.integer({ min: 1, max: 3 }),
    })
    // The group id carries its attributes, so repeated rows of one group agree on them.
    .map(({ suffix, ...p }) => ({ ...p, group: `G${p.birthYear}-${p.language}-${p.groupType}-${suffix}` }));

const categoryArb: fc.Arbitrary<Category> = fc.constantFrom('extraordinary', 'primary', 'primary', 'general', 'general', 'general');

export const evaluationArb: fc.Arbitrary<Evaluation> = fc.oneof(
  { weight: 9, arbitrary: categoryArb.map((category) => ({ eligible: true, reasons: [], category, rights: category === 'general' ? [] : [`${category}-right`] })) },
  {
    weight: 1,
    arbitrary: fc
      .subarray(['age_limit', 'too_young', 'not_resident'], { minLength: 1 })
      .chain((reasons) => categoryArb.map((category) => ({ eligible: false, reasons, category, rights: [] }))),
  },
);

/** A few instants a minute apart, so ties on the same instant are common. */
const BASE_US = Date.UTC(2023, 3, 1, 4, 0, 0) * 1000;

const applicationBody = (kgs: readonly string[]) =>
  fc.record({
    birthYear: yearArb,
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    tick: fc.integer({ min: 0, max: 6 }),
    micro: fc.constantFrom(0, 0, 0, 1),
    // 'KG-X' has no places at all.
    preferences: fc.uniqueArray(fc.constantFrom(...kgs, 'KG-X'), { minLength: 1, maxLength: 3 }),
    acceptAnyInDistrict: fc.boolean(),
    language,
    groupType,
    desiredFrom: fc.constantFrom('2024-09-01', '2024-09-01', '2024-09-01', DATE, '2025-08-16'),
    stopListUntil: fc.constantFrom<string | null>(null, null, null, null, '2025-08-14', DATE, '2025-08-16'),
    status: fc.constantFrom<Application['status']>('queued', 'queued', 'queued', 'queued', 'queued', 'queued', 'offered', 'enrolled'),
  });

export interface RandomDistrict {
  places: Place[];
  applications: Application[];
  evaluations: Evaluation[];
  quota: [number, number];
}

export const districtArb = (maxApps = 30): fc.Arbitrary<RandomDistrict> =>
  fc
    .subarray([...KINDERGARTENS], { minLength: 1, maxLength: 4 })
    .chain((kgs) =>
      fc.record({
        kgs: fc.constant(kgs),
        places: fc.array(placeArb(kgs), { maxLength: 15 }),
        ids: fc.uniqueArray(
          fc.oneof(
            fc.nat(300).map((n) => `APP-${n}`),
            fc.constantFrom('app-1', 'APP-Ә', 'APP-\u{1F600}', 'APP-\uFFFD'),
          ),
          { maxLength: maxApps },
        ),
        quota: fc.oneof(
          { weight: 3, arbitrary: fc.constant<[number, number]>([1, 3]) },
          { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).filter(([p, g]) => p + g > 0) },
        ),
      }),
    )
    .chain(({ kgs, places, ids, quota }) =>
      fc.tuple(
        fc.array(applicationBody(kgs), { minLength: ids.length, maxLength: ids.length }),
        fc.array(evaluationArb, { minLength: ids.length, maxLength: ids.length }),
      ).map(
        ([bodies, evaluations]) => ({
          places,
          quota,
          evaluations,
          applications: bodies.map(
            (b, i): Application => ({
              id: ids[i]!,
              district: DISTRICT,
              birthDate: `${b.birthYear}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`,
              registeredAtUs: BASE_US + b.tick * 60_000_000 + b.micro,
              channel: 'portal',
              preferences: b.preferences,
              acceptAnyInDistrict: b.acceptAnyInDistrict,
              language: b.language,
              groupType: b.groupType,
              desiredFrom: b.desiredFrom,
              stopListUntil: b.stopListUntil,
              rights: [],
              status: b.status,
            }),
          ),
        }),
      ),
    );

/**
 * One crowded cohort: every application is an eligible candidate born in 2022,
 * few kindergartens, and some applicants who fit nothing. This is where the
 * quota's "counts are of referrals issued" rule shows.
 */
export const crowdedCohortArb: fc.Arbitrary<RandomDistrict> = fc
  .record({
    places: fc.array(
      fc.record({
        kindergarten: fc.constantFrom('KG-1', 'KG-2'),
        suffix: fc.constantFrom('a', 'b'),
        seats: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    apps: fc.uniqueArray(
      fc.record({
        n: fc.nat(99),
        tick: fc.integer({ min: 0, max: 10 }),
        category: categoryArb,
        preferences: fc.constantFrom<string[]>(['KG-1'], ['KG-2'], ['KG-X'], ['KG-1', 'KG-2'], ['KG-2', 'KG-1']),
        acceptAnyInDistrict: fc.boolean(),
        language: language,
      }),
      { minLength: 4, maxLength: 30, selector: (a) => a.n },
    ),
    quota: fc.oneof(fc.constant<[number, number]>([1, 3]), fc.constant<[number, number]>([1, 1]), fc.constant<[number, number]>([2, 3])),
  })
  .map(({ places, apps, quota }) => ({
    quota,
    places: places.map(
      (p): Place => ({ kindergarten: p.kindergarten, group: `G-${p.suffix}`, birthYear: 2022, language: 'kk', groupType: 'general', seats: p.seats }),
    ),
    applications: apps.map(
      (a): Application => ({
        id: `APP-${a.n}`,
        district: DISTRICT,
        birthDate: '2022-05-05',
        registeredAtUs: BASE_US + a.tick * 60_000_000,
        channel: 'office',
        preferences: a.preferences,
        acceptAnyInDistrict: a.acceptAnyInDistrict,
        language: a.language,
        groupType: 'general',
        desiredFrom: '2024-09-01',
        stopListUntil: null,
        rights: [],
        status: 'queued',
      }),
    ),
    evaluations: apps.map((a): Evaluation => ({ eligible: true, reasons: [], category: a.category, rights: [] })),
  }));

/** Random districts, with crowded single cohorts mixed in. */
export const anyDistrictArb: fc.Arbitrary<RandomDistrict> = fc.oneof(districtArb(), crowdedCohortArb);

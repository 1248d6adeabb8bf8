/**
 * places.ndjson: freed seats, one row per (kindergarten, group) offer, grouped
 * by district. Groups are formed by birth year; a group keeps its birth year,
 * language and type on every row that names it.
 */
import { dateFromDayNumber, dayNumber } from '../domain/dates.js';
import type { GroupType, Language, Place } from '../domain/types.js';
import { yearsBefore } from './application-factory.js';
import type { GenerateOptions, GeneratedLine } from './options.js';
import { cumulativeWeights, planDataset, type DistrictPlan } from './plan.js';
import { Random, weightedTable, type WeightedTable } from './random.js';

/** A places line is a Place as formats.md writes it. */
type PlaceJson = Place;

type Group = Omit<PlaceJson, 'seats'>;

const SEATS_PER_ROW = weightedTable([[1, 40], [2, 30], [3, 18], [4, 12]]);
const GROUP_NUMBERS = weightedTable([[1, 70], [2, 25], [3, 5]]);
/** Seats are freed mostly in the groups of 2–5-year-olds. */
const WEIGHT_BY_AGE: Readonly<Record<number, number>> = { 0: 2, 1: 10, 2: 18, 3: 22, 4: 20, 5: 15, 6: 11, 7: 4 };

export function* placeRecords(o: GenerateOptions): Generator<GeneratedLine> {
  const plan = planDataset(o);
  const rnd = new Random(o.seed, 'places');
  // Bad rows draw from their own stream, so the good rows are the same with or without them.
  const badRnd = new Random(o.seed, 'places-bad');
  const years = cohortYears(o.date);
  const n = plan.districts.length;
  // The two bad rows sit a third and two thirds of the way through the file.
  const unknownAfter = o.badLines ? Math.floor(n / 3) : -1;
  const zeroAfter = o.badLines ? Math.floor((2 * n) / 3) : -1;
  for (const d of plan.districts) {
    const groups = new DistrictGroups(d, rnd, years);
    const offered: Group[] = [];
    let left = d.seats;
    while (left > 0) {
      // Now and then a second row for a group already offered (rows add up).
      const group = offered.length > 0 && rnd.chance(0.06) ? rnd.pick(offered) : groups.next();
      offered.push(group);
      const seats = Math.min(left, rnd.draw(SEATS_PER_ROW));
      left -= seats;
      yield { line: placeLine(group, seats), bad: null };
    }
    if (d.index === unknownAfter) {
      const kindergarten = `KG-${d.id}-${String(d.kindergartens.length + 100).padStart(4, '0')}`;
      const birthYear = badRnd.draw(years);
      const group: Group = { kindergarten, group: `G${birthYear}-kk-1`, birthYear, language: 'kk', groupType: 'general' };
      yield { line: placeLine(group, 2), bad: 'unknown_kindergarten' };
    }
    if (d.index === zeroAfter) {
      const group = offered.length > 0 ? badRnd.pick(offered) : new DistrictGroups(d, badRnd, years).next();
      yield { line: placeLine(group, 0), bad: 'zero_seats' };
    }
  }
}

/** Birth years of the children aged 1 to 6 at the date, weighted by how many seats they free. */
export function cohortYears(date: string): WeightedTable<number> {
  const from = Number(dateFromDayNumber(dayNumber(yearsBefore(date, 7)) + 1).slice(0, 4));
  const to = Number(yearsBefore(date, 1).slice(0, 4));
  const year = Number(date.slice(0, 4));
  const entries: [number, number][] = [];
  for (let y = from; y <= to; y++) entries.push([y, WEIGHT_BY_AGE[year - y] ?? 1]);
  return weightedTable(entries);
}

function placeLine(group: Group, seats: number): string {
  const row: PlaceJson = { ...group, seats };
  return JSON.stringify(row);
}

/** Draws groups of a district's kindergartens; a group keeps the type it was first given. */
class DistrictGroups {
  private readonly weights: Float64Array;
  private readonly types = new Map<string, GroupType>();

  constructor(
    private readonly d: DistrictPlan,
    private readonly rnd: Random,
    private readonly years: WeightedTable<number>,
  ) {
    this.weights = cumulativeWeights(d.kindergartens, (k) => k.capacity);
  }

  next(): Group {
    const { d, rnd } = this;
    const kg = d.kindergartens[rnd.weightedIndex(this.weights)]!;
    const birthYear = rnd.draw(this.years);
    const language: Language = kg.languages.length === 1 ? kg.languages[0]! : rnd.chance(d.region.kazakhShare) ? 'kk' : 'ru';
    const group = `G${birthYear}-${language}-${rnd.draw(GROUP_NUMBERS)}`;
    const key = `${kg.id}|${group}`;
    let groupType = this.types.get(key);
    if (groupType === undefined) {
      groupType = rnd.chance(0.05) ? 'special' : 'general';
      this.types.set(key, groupType);
    }
    return { kindergarten: kg.id, group, birthYear, language, groupType };
  }
}

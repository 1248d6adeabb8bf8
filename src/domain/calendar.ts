import { KezekError } from '../errors.js';
import { addDays, weekday } from './dates.js';

/**
 * The Kazakh working-day calendar as data (lifecycle.md). Built at the edge
 * (src/calendar/load.ts) from the maintained holiday list and the yearly
 * files in rules/calendar/; everything here is pure arithmetic on it.
 */
export interface Calendar {
  /** Years the calendar covers; a date in any other year is an error, never a guess. */
  readonly years: ReadonlyMap<number, CalendarYear>;
}

export interface CalendarYear {
  year: number;
  /** Monday–Friday days that are not worked: holidays, substituted and decreed days off. */
  readonly daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays decreed working days. */
  readonly workingWeekendDays: ReadonlySet<string>;
}

/** A public holiday from the maintained source. */
export interface Holiday {
  date: string;
  name: string;
  /** False for the days whose weekend occurrence gives no day off (7 January, Kurban Ait). */
  substitutable: boolean;
}

/** One year's decreed changes (rules/calendar/YYYY.json, already checked). */
export interface YearRules {
  year: number;
  /** A weekday made a day off and the weekend day worked instead (government decree). */
  transfers: readonly { dayOff: string; workingDay: string }[];
  /** Weekend days decreed working days besides those in transfers. */
  workingDays: readonly string[];
  /** Corrections to the maintained source: days off to add, or to remove. */
  addDaysOff: readonly string[];
  removeDaysOff: readonly string[];
}

const isWeekend = (date: string): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/**
 * Holiday dates plus their substitutes: a substitutable holiday on a Saturday
 * or Sunday gives the next weekday that is not itself a holiday or an earlier
 * substitute (so Nauryz 21–23 March 2026, Sat–Mon, gives 24 and 25 March).
 */
export function holidaysWithSubstitutes(holidays: readonly Holiday[]): string[] {
  const sorted = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const off = new Set(sorted.map((h) => h.date));
  for (const h of sorted) {
    if (!h.substitutable || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
  }
  return [...off].sort();
}

/** Pure: one year of the calendar from its holidays and its decreed changes. */
export function buildCalendarYear(holidays: readonly Holiday[], rules: YearRules): CalendarYear {
  const daysOff = new Set(holidaysWithSubstitutes(holidays).filter((d) => !isWeekend(d)));
  for (const d of rules.removeDaysOff) daysOff.delete(d);
  for (const d of rules.addDaysOff) daysOff.add(d);
  const workingWeekendDays = new Set<string>(rules.workingDays);
  for (const t of rules.transfers) {
    daysOff.add(t.dayOff);
    workingWeekendDays.add(t.workingDay);
  }
  return { year: rules.year, daysOff, workingWeekendDays };
}

export function calendarOf(years: readonly CalendarYear[]): Calendar {
  return { years: new Map(years.map((y) => [y.year, y])) };
}

function yearOf(calendar: Calendar, date: string): CalendarYear {
  const year = Number(date.slice(0, 4));
  const y = calendar.years.get(year);
  if (!y)
    throw new KezekError('CALENDAR_MISSING', `no working-day calendar for ${year}: add rules/calendar/${year}.json with that year's decreed transfers`, {
      year,
    });
  return y;
}

/** Monday–Friday not off, or a weekend day decreed a working day. */
export function isWorkingDay(calendar: Calendar, date: string): boolean {
  const y = yearOf(calendar, date);
  if (isWeekend(date)) return y.workingWeekendDays.has(date);
  return !y.daysOff.has(date);
}

/** The n-th working day after `date` (n ≥ 1): "N working days after day X". */
export function addWorkingDays(calendar: Calendar, date: string, n: number): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

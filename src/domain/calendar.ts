import { KezekError } from '../errors.js';
import { addDays, daysInMonth, weekday } from './dates.js';

/**
 * The Kazakh working-day calendar as data (lifecycle.md). Built at the edge
 * (src/calendar/load.ts) from the maintained holiday list, the substitution
 * rule and the yearly files in rules/calendar/; everything here is pure
 * arithmetic on it.
 *
 * A year with a file whose decree is recorded is final. A year without a
 * file, or whose file says the decree is not published yet, is computed from
 * the holidays and the substitution rule alone and is *provisional*: a
 * deadline that runs through it may move once the decree is recorded.
 */
export interface Calendar {
  /** One year of the calendar; never refused for a year without a file (see `calendarOf`). */
  year(year: number): CalendarYear;
  /** The years it was made of (the files), as plain data: what a worker thread is sent to make the same calendar. */
  readonly given: readonly CalendarYear[];
}

/** A text in the three languages of kezek's texts (a holiday's name, a decree's title). */
export type Texts = Readonly<Record<'kk' | 'ru' | 'en', string>>;

/** Why a day is not what its weekday says (or, for a weekend holiday, what it gives). */
export type DayNote =
  /** A public holiday (on a weekday: a day off; on a weekend: may give a substitute). */
  | { kind: 'holiday'; names: Texts }
  /** A weekday off because the holiday of `holiday` fell on a Saturday or Sunday (Labour Code). */
  | { kind: 'substitute'; holiday: string; names: Texts }
  /** A weekday made a day off by decree; `workingDay` is worked instead. */
  | { kind: 'transfer_off'; workingDay: string; decree: Texts }
  /** A weekend day worked by decree instead of `dayOff`. */
  | { kind: 'transfer_worked'; dayOff: string; decree: Texts }
  /** A weekend day decreed a working day on its own. */
  | { kind: 'decreed_working'; note: Texts }
  /** A correction to the maintained source written in the year's file. */
  | { kind: 'correction_off'; note: Texts }
  | { kind: 'correction_worked'; note: Texts };

export interface CalendarYear {
  year: number;
  /** `file`: rules/calendar/YYYY.json exists; `computed`: holidays and substitution only. */
  source: 'file' | 'computed';
  /** True until the year's decree on days off is recorded (no file, or a file that says it is not published). */
  provisional: boolean;
  /** Monday–Friday days that are not worked: holidays, substituted and decreed days off. */
  readonly daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays decreed working days. */
  readonly workingWeekendDays: ReadonlySet<string>;
  /** Why, for every day that is a holiday, a substitute, a transfer or a correction. */
  readonly notes: ReadonlyMap<string, readonly DayNote[]>;
}

/** A public holiday from the maintained source. */
export interface Holiday {
  date: string;
  names: Texts;
  /** False for the days whose weekend occurrence gives no day off (7 January, Kurban Ait). */
  substitutable: boolean;
}

/** One year's decreed changes (rules/calendar/YYYY.json, already checked). */
export interface YearRules {
  year: number;
  /** False while the year's decree on transfers is not published: the year stays provisional. */
  decreeRecorded: boolean;
  /** A weekday made a day off and the weekend day worked instead (government decree). */
  transfers: readonly { dayOff: string; workingDay: string; decree: Texts }[];
  /** Weekend days decreed working days besides those in transfers. */
  workingDays: readonly { date: string; note: Texts }[];
  /** Corrections to the maintained source: days off to add, or to remove. */
  addDaysOff: readonly { date: string; note: Texts }[];
  removeDaysOff: readonly { date: string; note: Texts }[];
}

/** The rules of a year nobody has written a file for: holidays and substitution only. */
export const noDecree = (year: number): YearRules => ({ year, decreeRecorded: false, transfers: [], workingDays: [], addDaysOff: [], removeDaysOff: [] });

const isWeekend = (date: string): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/**
 * Holiday dates plus their substitutes: a substitutable holiday on a Saturday
 * or Sunday gives the next weekday that is not itself a holiday or an earlier
 * substitute (so Nauryz 21–23 March 2026, Sat–Mon, gives 24 and 25 March).
 * Returns each substitute with the holiday that gave it.
 */
export function substitutes(holidays: readonly Holiday[]): { date: string; holiday: Holiday }[] {
  const sorted = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const off = new Set(sorted.map((h) => h.date));
  const out: { date: string; holiday: Holiday }[] = [];
  for (const h of sorted) {
    if (!h.substitutable || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
    out.push({ date: d, holiday: h });
  }
  return out;
}

/** Pure: one year of the calendar from its holidays and its decreed changes. */
export function buildCalendarYear(holidays: readonly Holiday[], rules: YearRules, source: CalendarYear['source']): CalendarYear {
  const notes = new Map<string, DayNote[]>();
  const note = (date: string, n: DayNote) => notes.set(date, [...(notes.get(date) ?? []), n]);
  const daysOff = new Set<string>();
  for (const h of holidays) {
    note(h.date, { kind: 'holiday', names: h.names });
    if (!isWeekend(h.date)) daysOff.add(h.date);
  }
  for (const s of substitutes(holidays)) {
    note(s.date, { kind: 'substitute', holiday: s.holiday.date, names: s.holiday.names });
    daysOff.add(s.date);
  }
  for (const d of rules.removeDaysOff) {
    daysOff.delete(d.date);
    note(d.date, { kind: 'correction_worked', note: d.note });
  }
  for (const d of rules.addDaysOff) {
    daysOff.add(d.date);
    note(d.date, { kind: 'correction_off', note: d.note });
  }
  const workingWeekendDays = new Set<string>();
  for (const d of rules.workingDays) {
    workingWeekendDays.add(d.date);
    note(d.date, { kind: 'decreed_working', note: d.note });
  }
  for (const t of rules.transfers) {
    daysOff.add(t.dayOff);
    workingWeekendDays.add(t.workingDay);
    note(t.dayOff, { kind: 'transfer_off', workingDay: t.workingDay, decree: t.decree });
    note(t.workingDay, { kind: 'transfer_worked', dayOff: t.dayOff, decree: t.decree });
  }
  return {
    year: rules.year,
    source,
    provisional: source === 'computed' || !rules.decreeRecorded,
    daysOff,
    workingWeekendDays,
    notes,
  };
}

/**
 * A calendar of the given years. `compute` makes any other year (at the edge:
 * the maintained holidays with the substitution rule, provisional); without
 * it, a year that was not given is CALENDAR_MISSING. Computed years are kept.
 */
export function calendarOf(years: readonly CalendarYear[], compute?: (year: number) => CalendarYear): Calendar {
  const known = new Map(years.map((y) => [y.year, y]));
  return {
    given: years,
    year(year) {
      let y = known.get(year);
      if (!y) {
        if (!compute) throw new KezekError('CALENDAR_MISSING', `no working-day calendar for ${year}`, { year });
        known.set(year, (y = compute(year)));
      }
      return y;
    },
  };
}

/** Monday–Friday not off, or a weekend day decreed a working day. */
export function isWorkingDay(calendar: Calendar, date: string): boolean {
  const y = calendar.year(Number(date.slice(0, 4)));
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

/**
 * The provisional years a deadline counted from `from` to `to` runs through:
 * empty when every year on the way has its decree recorded.
 */
export function provisionalYears(calendar: Calendar, from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (calendar.year(y).provisional) years.push(y);
  return years;
}

/**
 * From 1 November on, next year's deadlines are near: the year after `date`
 * when it has no file yet (a warning for staff), else null.
 */
export function missingNextYear(calendar: Calendar, date: string): number | null {
  if (Number(date.slice(5, 7)) < 11) return null;
  const next = Number(date.slice(0, 4)) + 1;
  return calendar.year(next).source === 'computed' ? next : null;
}

export interface CalendarDay {
  date: string;
  working: boolean;
  /** Why the day is not what its weekday says, or what holiday it is (empty for an ordinary day). */
  notes: readonly DayNote[];
}

/** Every date of a year, in order, with whether it is worked and why. */
export function yearDays(calendar: Calendar, year: number): CalendarDay[] {
  const y = calendar.year(year);
  const days: CalendarDay[] = [];
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      days.push({ date, working: isWorkingDay(calendar, date), notes: y.notes.get(date) ?? [] });
    }
  return days;
}

import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { buildCalendarYear, calendarOf, noDecree, type Calendar, type CalendarYear, type Holiday, type Texts } from '../domain/calendar.js';
import { RulesError, type RuleProblem } from '../errors.js';
import { checkCalendarFile } from '../rules/calendar-file.js';
import { parseRuleText } from '../rules/guard.js';
import type { FileText, RulesFolderTexts } from '../rules/library.js';
import { readRulesFolder } from './rules-folder.js';

/**
 * The edge of the calendar: public holidays and their dates from the
 * maintained `date-holidays` data for Kazakhstan (with the corrections below),
 * plus one file per year in RULES_DIR/calendar/ with the decreed transfers.
 * A year without a file is computed from the holidays and the substitution
 * rule alone: provisional, never refused.
 */
export function calendarFromTexts(files: readonly FileText[]): { calendar: Calendar; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const years: CalendarYear[] = [];
  for (const { name, text } of files) {
    const file = `calendar/${name}`;
    if (!/^\d{4}\.json$/.test(name)) {
      problems.push({ file, path: '', message: 'a calendar file is named YYYY.json after its year' });
      continue;
    }
    const year = Number(name.slice(0, 4));
    if (text === null) {
      problems.push({ file, path: '', message: 'not a readable file of at most 512 KiB' });
      continue;
    }
    const parsed = parseRuleText(file, text);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    try {
      years.push(buildCalendarYear(publicHolidays(year), checkCalendarFile(parsed.value, file, year), 'file'));
    } catch (e) {
      if (!(e instanceof RulesError)) throw e;
      problems.push(...e.problems);
    }
  }
  return { calendar: calendarOf(years, computedYear), problems };
}

/** The calendar of a rules folder's texts; RulesError when a calendar file is broken. */
export function calendarOfFolder(texts: RulesFolderTexts): Calendar {
  const { calendar, problems } = calendarFromTexts(texts.calendar);
  if (problems.length) throw new RulesError(problems);
  return calendar;
}

/** The calendar of a rules folder (read now). */
export function loadCalendar(rulesDir: string): Calendar {
  return calendarOfFolder(readRulesFolder(rulesDir));
}

/** A year nobody has written a file for: the maintained holidays with the substitution rule; provisional. */
export function computedYear(year: number): CalendarYear {
  return buildCalendarYear(publicHolidays(year), noDecree(year), 'computed');
}

type HolidaysApi = InstanceType<typeof HolidaysClass>;
let sources: Record<keyof Texts, HolidaysApi> | undefined;

function holidaySources(): Record<keyof Texts, HolidaysApi> {
  // Loaded on first use: the package is large and most commands never need it.
  // One instance per language, for the holidays' names in kezek's texts.
  if (!sources) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
    sources = { kk: new Holidays('KZ', { languages: ['kk'] }), ru: new Holidays('KZ', { languages: ['ru'] }), en: new Holidays('KZ', { languages: ['en'] }) };
  }
  return sources;
}

/**
 * Where the `date-holidays` data (3.37) is wrong for Kazakhstan, the right
 * date, with where it comes from. A correction that no longer matches the
 * package's data (because the package was fixed) removes nothing.
 */
const NOT_HOLIDAYS: readonly { date: RegExp; why: string }[] = [
  {
    // The package has Constitution Day on 15 March from 2026. The Constitution adopted by
    // the referendum of 15 March 2026 makes that day Constitution Day from 2027; 2026 has
    // no Constitution Day at all (30 August is no longer one, and 15 March 2026 was not).
    // Law "On holidays in the Republic of Kazakhstan" (adilet.zan.kz Z010000267_) as amended
    // in 2026; the Ministry of Labour's production calendar for 2026 (16 March worked);
    // python-holidays, holidays/countries/kazakhstan.py (15 March from 2027).
    date: /^2026-03-15$/,
    why: 'Constitution Day is 15 March from 2027, not in 2026',
  },
];

/**
 * Kazakhstan's public holidays of a year as the package lists them, without
 * its own substitute days: substitution is computed by the pure core, because
 * the package's rule puts two days off on one date when holidays run into
 * each other (Nauryz 2026). Religious holidays (Orthodox Christmas 7 Jan,
 * Kurban Ait) give no substitute day (Labour Code).
 */
export function publicHolidays(year: number): Holiday[] {
  const s = holidaySources();
  const list = (api: HolidaysApi) => api.getHolidays(year).filter((h) => h.type === 'public' && !h.substitute);
  const ru = list(s.ru);
  const en = list(s.en);
  return list(s.kk)
    .map((h, i) => {
      const date = h.date.slice(0, 10);
      const religious = date.endsWith('-01-07') || /Dhu al-Hijjah/.test(h.rule);
      return { date, names: { kk: h.name, ru: ru[i]?.name ?? h.name, en: en[i]?.name ?? h.name }, substitutable: !religious };
    })
    .filter((h) => !NOT_HOLIDAYS.some((c) => c.date.test(h.date)));
}

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HolidaysClass from 'date-holidays';
import { buildCalendarYear, calendarOf, type Calendar, type Holiday } from '../domain/calendar.js';
import { RulesError } from '../errors.js';
import { checkCalendarFile } from './file.js';

/**
 * The edge of the calendar: public holidays and their dates from the
 * maintained `date-holidays` data for Kazakhstan (it follows the law, e.g.
 * Constitution Day 30 Aug before 2026 and 15 Mar from 2026), plus one file
 * per year in RULES_DIR/calendar/ with the decreed transfers and corrections.
 * Only years with a file are covered: a year without one is CALENDAR_MISSING.
 */
export function loadCalendar(rulesDir: string): Calendar {
  const dir = join(rulesDir, 'calendar');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d{4}\.json$/.test(n));
  } catch {
    names = [];
  }
  return calendarOf(
    names.sort().map((name) => {
      const year = Number(name.slice(0, 4));
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch (e) {
        throw new RulesError([{ file: `calendar/${name}`, path: '', message: `not valid JSON: ${(e as Error).message}` }]);
      }
      return buildCalendarYear(publicHolidays(year), checkCalendarFile(doc, `calendar/${name}`, year));
    }),
  );
}

/**
 * Kazakhstan's public holidays of a year as the package lists them, without
 * its own substitute days: substitution is computed by the pure core, because
 * the package's rule puts two days off on one date when holidays run into
 * each other (Nauryz 2026). Religious holidays (Orthodox Christmas 7 Jan,
 * Kurban Ait) give no substitute day (Labour Code).
 */
export function publicHolidays(year: number): Holiday[] {
  // Loaded on first use: the package is large and most commands never need it.
  const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
  const hd = new Holidays('KZ');
  return hd
    .getHolidays(year)
    .filter((h) => h.type === 'public' && !h.substitute)
    .map((h) => {
      const date = h.date.slice(0, 10);
      const religious = date.endsWith('-01-07') || /Dhu al-Hijjah/.test(h.rule);
      return { date, name: h.name, substitutable: !religious };
    });
}

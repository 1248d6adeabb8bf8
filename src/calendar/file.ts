import { isValidDate, weekday } from '../domain/dates.js';
import type { YearRules } from '../domain/calendar.js';
import { RulesError, type RuleProblem } from '../errors.js';

/**
 * Pure: checks one parsed rules/calendar/YYYY.json. Shape:
 * { "year": 2025, "description": "…", "sources": ["…"],
 *   "transfers": [{ "dayOff": "2025-01-03", "workingDay": "2025-01-04", "decree": "…" }],
 *   "workingDays": [{ "date": "…", "note": "…" }],
 *   "corrections": { "addDaysOff": [{ "date", "note" }], "removeDaysOff": [{ "date", "note" }] } }
 */
export function checkCalendarFile(doc: unknown, file: string, expectedYear: number): YearRules {
  const problems: RuleProblem[] = [];
  const bad = (path: string, message: string): void => {
    problems.push({ file, path, message });
  };
  const o = isObject(doc) ? doc : (bad('$', 'must be an object'), {});
  if (o.year !== expectedYear) bad('$.year', `must be ${expectedYear} (the file's name)`);
  const inYear = (v: unknown, path: string): v is string => {
    if (!isValidDate(v) || v.slice(0, 4) !== String(expectedYear)) {
      bad(path, `must be a date YYYY-MM-DD in ${expectedYear}`);
      return false;
    }
    return true;
  };
  const weekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

  const transfers: YearRules['transfers'][number][] = [];
  list(o.transfers, '$.transfers', bad).forEach((t, i) => {
    if (!isObject(t)) return bad(`$.transfers[${i}]`, 'must be an object');
    const ok = inYear(t.dayOff, `$.transfers[${i}].dayOff`) && inYear(t.workingDay, `$.transfers[${i}].workingDay`);
    if (!ok) return;
    if (weekend(t.dayOff as string)) return bad(`$.transfers[${i}].dayOff`, 'must be a weekday (the day made a day off)');
    if (!weekend(t.workingDay as string)) return bad(`$.transfers[${i}].workingDay`, 'must be a Saturday or Sunday (the day worked instead)');
    transfers.push({ dayOff: t.dayOff as string, workingDay: t.workingDay as string });
  });
  const dates = (v: unknown, path: string, mustBeWeekend: boolean | null): string[] =>
    list(v, path, bad).flatMap((e, i) => {
      const d = isObject(e) ? e.date : e;
      if (!inYear(d, `${path}[${i}]`)) return [];
      if (mustBeWeekend === true && !weekend(d)) return (bad(`${path}[${i}]`, 'must be a Saturday or Sunday'), []);
      if (mustBeWeekend === false && weekend(d)) return (bad(`${path}[${i}]`, 'must be a weekday'), []);
      return [d];
    });
  const workingDays = dates(o.workingDays, '$.workingDays', true);
  const c = o.corrections === undefined ? {} : isObject(o.corrections) ? o.corrections : (bad('$.corrections', 'must be an object'), {});
  const addDaysOff = dates(c.addDaysOff, '$.corrections.addDaysOff', false);
  const removeDaysOff = dates(c.removeDaysOff, '$.corrections.removeDaysOff', false);
  if (problems.length) throw new RulesError(problems);
  return { year: expectedYear, transfers, workingDays, addDaysOff, removeDaysOff };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(v: unknown, path: string, bad: (p: string, m: string) => void): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    bad(path, 'must be an array');
    return [];
  }
  return v;
}

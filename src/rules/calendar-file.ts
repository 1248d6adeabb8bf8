import { isValidDate, weekday } from '../domain/dates.js';
import type { Texts, YearRules } from '../domain/calendar.js';
import { RulesError, type RuleProblem } from '../errors.js';

/**
 * Pure: checks one parsed rules/calendar/YYYY.json. Shape:
 * { "year": 2025, "description": "…", "sources": ["…"],
 *   "decreeRecorded": true,
 *   "transfers": [{ "dayOff": "2025-01-03", "workingDay": "2025-01-05", "decree": "…" }],
 *   "workingDays": [{ "date": "…", "note": "…" }],
 *   "corrections": { "addDaysOff": [{ "date", "note" }], "removeDaysOff": [{ "date", "note" }] } }
 * `decreeRecorded` is false while the year's decree on transfers is not
 * published (the year's deadlines are then provisional); absent means true.
 */
export function checkCalendarFile(doc: unknown, file: string, expectedYear: number): YearRules {
  const problems: RuleProblem[] = [];
  const bad = (path: string, message: string): void => {
    problems.push({ file, path, message });
  };
  const o = isObject(doc) ? doc : (bad('$', 'must be an object'), {});
  if (o.year !== expectedYear) bad('$.year', `must be ${expectedYear} (the file's name)`);
  if (o.decreeRecorded !== undefined && typeof o.decreeRecorded !== 'boolean') bad('$.decreeRecorded', 'must be true or false');
  const inYear = (v: unknown, path: string): v is string => {
    if (!isValidDate(v) || v.slice(0, 4) !== String(expectedYear)) {
      bad(path, `must be a date YYYY-MM-DD in ${expectedYear}`);
      return false;
    }
    return true;
  };
  // A text is one string for every language, or {"kk", "ru", "en"}: staff read it in their language.
  const oneText = (v: unknown): v is string => typeof v === 'string' && v.length <= 1000;
  const text = (v: unknown, path: string): Texts => {
    if (v === undefined) return { kk: '', ru: '', en: '' };
    if (oneText(v)) return { kk: v, ru: v, en: v };
    if (isObject(v) && oneText(v.kk) && oneText(v.ru) && oneText(v.en) && Object.keys(v).length === 3) return { kk: v.kk, ru: v.ru, en: v.en };
    bad(path, 'must be a text of at most 1000 characters, or {"kk", "ru", "en"} of such texts');
    return { kk: '', ru: '', en: '' };
  };
  const weekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

  const transfers: YearRules['transfers'][number][] = [];
  const seen = new Map<string, string>();
  const once = (d: string, path: string): boolean => {
    const first = seen.get(d);
    if (first) return (bad(path, `${d} is already given at ${first}`), false);
    seen.set(d, path);
    return true;
  };
  list(o.transfers, '$.transfers', bad).forEach((t, i) => {
    const at = `$.transfers[${i}]`;
    if (!isObject(t)) return bad(at, 'must be an object');
    const ok = inYear(t.dayOff, `${at}.dayOff`) && inYear(t.workingDay, `${at}.workingDay`);
    if (!ok) return;
    if (weekend(t.dayOff as string)) return bad(`${at}.dayOff`, 'must be a weekday (the day made a day off)');
    if (!weekend(t.workingDay as string)) return bad(`${at}.workingDay`, 'must be a Saturday or Sunday (the day worked instead)');
    const decree = text(t.decree, `${at}.decree`);
    if (!decree.en || !decree.ru || !decree.kk) return bad(`${at}.decree`, 'must name the decree');
    if (once(t.dayOff as string, `${at}.dayOff`) && once(t.workingDay as string, `${at}.workingDay`))
      transfers.push({ dayOff: t.dayOff as string, workingDay: t.workingDay as string, decree });
  });
  const dates = (v: unknown, path: string, mustBeWeekend: boolean): { date: string; note: Texts }[] =>
    list(v, path, bad).flatMap((e, i) => {
      const d = isObject(e) ? e.date : e;
      const at = isObject(e) ? `${path}[${i}].date` : `${path}[${i}]`;
      if (!inYear(d, at)) return [];
      if (mustBeWeekend && !weekend(d)) return (bad(at, 'must be a Saturday or Sunday'), []);
      if (!mustBeWeekend && weekend(d)) return (bad(at, 'must be a weekday'), []);
      if (!once(d, at)) return [];
      return [{ date: d, note: text(isObject(e) ? e.note : undefined, `${path}[${i}].note`) }];
    });
  const workingDays = dates(o.workingDays, '$.workingDays', true);
  const c = o.corrections === undefined ? {} : isObject(o.corrections) ? o.corrections : (bad('$.corrections', 'must be an object'), {});
  const addDaysOff = dates(c.addDaysOff, '$.corrections.addDaysOff', false);
  const removeDaysOff = dates(c.removeDaysOff, '$.corrections.removeDaysOff', false);
  if (problems.length) throw new RulesError(problems);
  return { year: expectedYear, decreeRecorded: o.decreeRecorded !== false, transfers, workingDays, addDaysOff, removeDaysOff };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(v: unknown, path: string, bad: (p: string, m: string) => void): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    bad(path, 'must be an array');
    return [];
  }
  if (v.length > 100) {
    bad(path, 'has more than 100 entries');
    return [];
  }
  return v;
}

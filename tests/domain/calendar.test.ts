import { describe, expect, it } from 'vitest';
import { computedYear, loadCalendar } from '../../src/io/calendar.js';
import { checkCalendarFile } from '../../src/rules/calendar-file.js';
import {
  addWorkingDays,
  buildCalendarYear,
  calendarOf,
  isWorkingDay,
  missingNextYear,
  noDecree,
  provisionalYears,
  substitutes,
  yearDays,
  type Holiday,
} from '../../src/domain/calendar.js';
import { KezekError } from '../../src/errors.js';
import { calendarJson } from '../../src/i18n/calendar-text.js';

const cal = loadCalendar('rules');
const off = (d: string) => expect(isWorkingDay(cal, d), `${d} should be a day off`).toBe(false);
const on = (d: string) => expect(isWorkingDay(cal, d), `${d} should be a working day`).toBe(true);
const perMonth = (year: number) => {
  const counts = new Array<number>(12).fill(0);
  for (const d of yearDays(cal, year)) if (d.working) counts[Number(d.date.slice(5, 7)) - 1]!++;
  return counts;
};

// Working days per month of a five-day week, as the Ministry of Labour's production calendars
// publish them (2026 after 30 August stopped being Constitution Day), and for 2027 the
// rule-based calendar (holidays and substitution) until its decree is published.
const OFFICIAL: Record<number, number[]> = {
  2025: [20, 20, 17, 22, 19, 20, 22, 21, 21, 22, 20, 22],
  2026: [19, 20, 18, 22, 17, 22, 22, 21, 22, 21, 21, 22],
  2027: [18, 20, 18, 22, 18, 22, 21, 22, 22, 20, 22, 22],
};

describe('the shipped Kazakh calendar agrees with the official one', () => {
  it.each([2025, 2026, 2027])('%i: working days in every month equal the production calendar', (year) => {
    expect(perMonth(year)).toEqual(OFFICIAL[year]);
  });

  it('2025: the decree moved the day off from Sunday 5 January to Friday 3 January (Saturday 4 January stays off)', () => {
    off('2025-01-03');
    off('2025-01-04');
    on('2025-01-05');
    expect(addWorkingDays(cal, '2025-01-02', 1)).toBe('2025-01-05');
  });

  it('2025: substitutions for holidays on weekends', () => {
    ['2025-03-10', '2025-03-24', '2025-03-25', '2025-07-07', '2025-09-01', '2025-10-27'].forEach(off);
    ['2025-03-26', '2025-09-02', '2025-10-28'].forEach(on);
  });

  it('2026: no Constitution Day (neither 15 March nor 30 August), so Monday 16 March and Monday 31 August are worked', () => {
    on('2026-03-16');
    on('2026-08-31');
  });

  it('2026: Nauryz on Sat–Mon gives Tuesday 24 and Wednesday 25 March; 8 March, 9 May and 25 October give the next Mondays', () => {
    ['2026-03-09', '2026-03-23', '2026-03-24', '2026-03-25', '2026-05-11', '2026-10-26'].forEach(off);
    on('2026-03-26');
  });

  it('2026: holidays on weekdays are off, religious ones included; no weekend day is worked', () => {
    ['2026-01-01', '2026-01-02', '2026-01-07', '2026-05-01', '2026-05-07', '2026-05-27', '2026-07-06', '2026-12-16'].forEach(off);
    expect(yearDays(cal, 2026).filter((d) => d.working && [0, 6].includes(new Date(d.date).getUTCDay()))).toEqual([]);
  });

  it('2027: Constitution Day on 15 March for the first time; 2 Jan, 21 Mar, 1 May and 9 May on weekends give Mondays / the next free day; Kurban Ait on a Sunday gives none', () => {
    ['2027-01-01', '2027-01-04', '2027-01-07', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-23', '2027-03-24', '2027-05-03', '2027-05-07', '2027-05-10'].forEach(off);
    ['2027-01-05', '2027-03-16', '2027-03-25', '2027-05-17'].forEach(on);
  });

  it('a run on 31 December 2026 confirms by the second working day of 2027', () => {
    expect(addWorkingDays(cal, '2026-12-31', 2)).toBe('2027-01-06');
    expect(addWorkingDays(cal, '2026-12-10', 15)).toBe('2027-01-05');
  });
});

describe('provisional years', () => {
  it('2025 and 2026 are final; 2027 (file, decree not published) and a year without a file are provisional', () => {
    expect(cal.year(2025).provisional).toBe(false);
    expect(cal.year(2026).provisional).toBe(false);
    expect(cal.year(2027)).toMatchObject({ source: 'file', provisional: true });
    expect(cal.year(2031)).toMatchObject({ source: 'computed', provisional: true });
  });

  it('a year without a file is computed from the holidays and the substitution rule, never refused', () => {
    expect(() => isWorkingDay(cal, '2031-06-02')).not.toThrow();
    off('2031-01-01'); // Wednesday, New Year
    off('2031-03-17'); // Constitution Day 15 March on a Saturday gives Monday 17 March
    on('2031-03-18');
    expect(addWorkingDays(cal, '2030-12-30', 3)).toBe('2031-01-06'); // Tue 31 Dec, (1–2 Jan off) Fri 3 Jan, Mon 6 Jan
  });

  it('a deadline is provisional when it runs through a provisional year', () => {
    expect(provisionalYears(cal, '2026-09-01', '2026-09-03')).toEqual([]);
    expect(provisionalYears(cal, '2026-12-31', '2027-01-06')).toEqual([2027]);
    expect(provisionalYears(cal, '2027-12-30', '2028-01-04')).toEqual([2027, 2028]);
  });

  it('from 1 November, a missing file for next year is a warning; a file that exists (even provisional) is not', () => {
    expect(missingNextYear(cal, '2026-11-01')).toBeNull(); // 2027.json ships
    expect(missingNextYear(cal, '2027-10-31')).toBeNull(); // not yet November
    expect(missingNextYear(cal, '2027-11-01')).toBe(2028);
    expect(missingNextYear(cal, '2027-12-31')).toBe(2028);
  });

  it('a calendar made without a source for other years still refuses them (the pure core alone)', () => {
    const c = calendarOf([computedYear(2030)]);
    expect(isWorkingDay(c, '2030-01-02')).toBe(false);
    try {
      isWorkingDay(c, '2031-01-02');
      expect.unreachable();
    } catch (e) {
      expect((e as KezekError).code).toBe('CALENDAR_MISSING');
    }
  });
});

describe('kezek calendar show --json', () => {
  it('has exactly {year, provisional, days} with one {date, working, why} for every date of the year, in order', () => {
    for (const year of [2026, 2028]) {
      const j = calendarJson(cal, year, 'en');
      expect(Object.keys(j)).toEqual(['year', 'provisional', 'days']);
      expect(j.year).toBe(year);
      expect(j.days).toHaveLength(year % 4 === 0 ? 366 : 365);
      const start = Date.UTC(year, 0, 1);
      j.days.forEach((d, i) => {
        expect(Object.keys(d)).toEqual(['date', 'working', 'why']);
        expect(d.date).toBe(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
        expect(d.working).toBe(isWorkingDay(cal, d.date));
        expect(d.why.length).toBeGreaterThan(0);
      });
    }
    expect(calendarJson(cal, 2026, 'en').provisional).toBe(false);
    expect(calendarJson(cal, 2028, 'en').provisional).toBe(true);
  });

  it('says why in the asked language: the holiday, the substitution, the decree', () => {
    const why = (year: number, date: string, lang: 'kk' | 'ru' | 'en') => calendarJson(cal, year, lang).days.find((d) => d.date === date)!.why;
    expect(why(2026, '2026-01-01', 'ru')).toMatch(/Новый год/);
    expect(why(2026, '2026-03-24', 'kk')).toMatch(/Наурыз/);
    expect(why(2026, '2026-03-24', 'en')).toMatch(/Nauryz.*21 March|Nauryz.*March 21/);
    expect(why(2025, '2025-01-05', 'ru')).toMatch(/G24G0000436/);
    expect(why(2025, '2025-01-03', 'en')).toMatch(/decree/);
    expect(why(2026, '2026-03-16', 'en')).toBe('working day');
  });
});

describe('the pure calendar', () => {
  const h = (date: string, substitutable = true): Holiday => ({ date, names: { kk: 'x', ru: 'x', en: 'x' }, substitutable });
  const texts = (s: string) => ({ kk: s, ru: s, en: s });
  it('religious holidays give no substitute day', () => {
    // 2030-01-05 is a Saturday
    expect(substitutes([h('2030-01-05', false)])).toEqual([]);
    expect(substitutes([h('2030-01-05')]).map((s) => s.date)).toEqual(['2030-01-07']);
  });
  it('working Saturdays and corrections apply; a file whose decree is recorded is final', () => {
    const y = buildCalendarYear(
      [h('2030-01-01')],
      { ...noDecree(2030), decreeRecorded: true, workingDays: [{ date: '2030-01-05', note: texts('') }], addDaysOff: [{ date: '2030-01-08', note: texts('') }], removeDaysOff: [{ date: '2030-01-01', note: texts('') }] },
      'file',
    );
    expect(y.provisional).toBe(false);
    const c = calendarOf([y]);
    expect(isWorkingDay(c, '2030-01-01')).toBe(true);
    expect(isWorkingDay(c, '2030-01-05')).toBe(true);
    expect(isWorkingDay(c, '2030-01-08')).toBe(false);
    expect(addWorkingDays(c, '2030-01-04', 2)).toBe('2030-01-07');
  });
  it('a calendar file is checked: transfers the right way round, its year, its decree, dates once', () => {
    expect(() => checkCalendarFile({ year: 2025, transfers: [{ dayOff: '2025-01-04', workingDay: '2025-01-03', decree: 'd' }] }, 'calendar/2025.json', 2025)).toThrow(/weekday/);
    expect(() => checkCalendarFile({ year: 2025, transfers: [{ dayOff: '2025-01-03', workingDay: '2025-01-05' }] }, 'calendar/2025.json', 2025)).toThrow(/decree/);
    expect(() => checkCalendarFile({ year: 2024 }, 'calendar/2025.json', 2025)).toThrow(/2025/);
    expect(() => checkCalendarFile({ year: 2025, decreeRecorded: 'yes' }, 'calendar/2025.json', 2025)).toThrow(/decreeRecorded/);
    expect(() => checkCalendarFile({ year: 2025, workingDays: ['2025-01-05', '2025-01-05'] }, 'calendar/2025.json', 2025)).toThrow(/already given/);
    expect(checkCalendarFile({ year: 2025 }, 'calendar/2025.json', 2025).decreeRecorded).toBe(true);
    expect(checkCalendarFile({ year: 2025, decreeRecorded: false }, 'calendar/2025.json', 2025).decreeRecorded).toBe(false);
  });
});

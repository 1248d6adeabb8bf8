import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load.js';
import { checkCalendarFile } from '../../src/calendar/file.js';
import { addWorkingDays, buildCalendarYear, calendarOf, holidaysWithSubstitutes, isWorkingDay } from '../../src/domain/calendar.js';
import { KezekError } from '../../src/errors.js';

const cal = loadCalendar('rules');
const off = (d: string) => expect(isWorkingDay(cal, d), `${d} should be a day off`).toBe(false);
const on = (d: string) => expect(isWorkingDay(cal, d), `${d} should be a working day`).toBe(true);

describe('the shipped Kazakh calendar (date-holidays + rules/calendar)', () => {
  it('public holidays on weekdays are days off; ordinary weekdays and weekends are what they seem', () => {
    ['2025-01-01', '2025-01-02', '2025-01-07', '2025-03-21', '2025-05-01', '2025-05-07', '2025-05-09', '2025-06-06', '2025-12-16'].forEach(off);
    ['2026-01-01', '2026-01-02', '2026-01-07', '2026-03-23', '2026-05-01', '2026-05-07', '2026-05-27', '2026-07-06', '2026-12-16'].forEach(off);
    ['2025-01-06', '2025-01-08', '2026-03-02', '2026-09-01', '2026-09-02'].forEach(on);
    ['2026-09-05', '2026-09-06', '2025-02-01'].forEach(off);
  });

  it('Constitution Day: 30 Aug before 2026 (Saturday in 2025 → Monday 1 Sep off), 15 Mar from 2026 (Sunday → Monday 16 Mar off)', () => {
    off('2025-09-01');
    on('2025-09-02');
    off('2026-03-16');
    on('2026-08-31');
  });

  it('Nauryz 2026 on Sat–Mon gives Tuesday 24 and Wednesday 25 March off; Thursday 26 is worked', () => {
    off('2026-03-23');
    off('2026-03-24');
    off('2026-03-25');
    on('2026-03-26');
  });

  it('Nauryz 2025 on Fri–Sun gives Monday 24 and Tuesday 25 March off', () => {
    off('2025-03-24');
    off('2025-03-25');
    on('2025-03-26');
  });

  it('other substitutions: 8 March 2025 (Sat) → 10 Mar; 6 July 2025 (Sun) → 7 July; 9 May 2026 (Sat) → 11 May; 25 Oct 2026 (Sun) → 26 Oct', () => {
    ['2025-03-10', '2025-07-07', '2025-10-27', '2026-05-11', '2026-10-26', '2026-03-09'].forEach(off);
  });

  it('the decreed transfer of 2025: Friday 3 January off, Saturday 4 January worked', () => {
    off('2025-01-03');
    on('2025-01-04');
  });

  it('addWorkingDays counts the N-th working day after, skipping holidays and substitutes', () => {
    expect(addWorkingDays(cal, '2026-03-20', 2)).toBe('2026-03-27'); // Fri → Thu 26, Fri 27
    expect(addWorkingDays(cal, '2026-09-01', 2)).toBe('2026-09-03');
    expect(addWorkingDays(cal, '2026-09-04', 2)).toBe('2026-09-08');
    expect(addWorkingDays(cal, '2025-01-02', 1)).toBe('2025-01-04'); // the working Saturday
    expect(addWorkingDays(cal, '2026-05-06', 5)).toBe('2026-05-15'); // 7 May and 11 May off
  });

  it('a year with no calendar file is CALENDAR_MISSING, not a guess', () => {
    expect(() => isWorkingDay(cal, '2031-06-02')).toThrowError(KezekError);
    try {
      addWorkingDays(cal, '2026-12-30', 5);
      expect.unreachable();
    } catch (e) {
      expect((e as KezekError).code).toBe('CALENDAR_MISSING');
      expect((e as Error).message).toMatch(/2027/);
    }
  });
});

describe('the pure calendar', () => {
  const rules = { year: 2030, transfers: [], workingDays: [], addDaysOff: [], removeDaysOff: [] };
  it('religious holidays give no substitute day', () => {
    // 2030-01-05 is a Saturday
    expect(holidaysWithSubstitutes([{ date: '2030-01-05', name: 'x', substitutable: false }])).toEqual(['2030-01-05']);
    expect(holidaysWithSubstitutes([{ date: '2030-01-05', name: 'x', substitutable: true }])).toEqual(['2030-01-05', '2030-01-07']);
  });
  it('working Saturdays and corrections apply', () => {
    const y = buildCalendarYear([{ date: '2030-01-01', name: 'New Year', substitutable: true }], {
      ...rules,
      workingDays: ['2030-01-05'],
      addDaysOff: ['2030-01-08'],
      removeDaysOff: ['2030-01-01'],
    });
    const c = calendarOf([y]);
    expect(isWorkingDay(c, '2030-01-01')).toBe(true);
    expect(isWorkingDay(c, '2030-01-05')).toBe(true);
    expect(isWorkingDay(c, '2030-01-08')).toBe(false);
    expect(addWorkingDays(c, '2030-01-04', 2)).toBe('2030-01-07');
  });
  it('a calendar file with a transfer the wrong way round is refused', () => {
    expect(() => checkCalendarFile({ year: 2025, transfers: [{ dayOff: '2025-01-04', workingDay: '2025-01-03' }] }, 'calendar/2025.json', 2025)).toThrow(/weekday/);
    expect(() => checkCalendarFile({ year: 2024 }, 'calendar/2025.json', 2025)).toThrow(/2025/);
  });
});

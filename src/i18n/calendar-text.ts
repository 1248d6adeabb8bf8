import { yearDays, type Calendar, type CalendarDay, type DayNote } from '../domain/calendar.js';
import { weekday } from '../domain/dates.js';
import { monthName, t, weekdayName, type Lang } from './messages.js';

/** `kezek calendar show --json`: one entry for every date of the year, in order. */
export interface CalendarJson {
  year: number;
  provisional: boolean;
  days: { date: string; working: boolean; why: string }[];
}

const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** Why a day is worked or not, in words: its notes, else what its weekday says. */
export function dayWhy(day: CalendarDay, lang: Lang): string {
  const parts = day.notes.map((n) => noteText(n, day.date, lang));
  if (parts.length) return parts.join('; ');
  return t(lang, isWeekend(day.date) ? 'calendar.why.weekend' : 'calendar.why.working');
}

function noteText(n: DayNote, date: string, lang: Lang): string {
  switch (n.kind) {
    case 'holiday':
      return t(lang, isWeekend(date) ? 'calendar.why.weekendHoliday' : 'calendar.why.holiday', { name: n.names[lang] });
    case 'substitute':
      return t(lang, 'calendar.why.substitute', { name: n.names[lang], holiday: n.holiday });
    case 'transfer_off':
      return t(lang, 'calendar.why.transferOff', { day: n.workingDay, decree: n.decree[lang] });
    case 'transfer_worked':
      return t(lang, 'calendar.why.transferWorked', { day: n.dayOff, decree: n.decree[lang] });
    case 'decreed_working':
      return t(lang, 'calendar.why.decreedWorking', { note: n.note[lang] });
    case 'correction_off':
      return t(lang, 'calendar.why.correctionOff', { note: n.note[lang] });
    case 'correction_worked':
      return t(lang, 'calendar.why.correctionWorked', { note: n.note[lang] });
  }
}

export function calendarJson(calendar: Calendar, year: number, lang: Lang): CalendarJson {
  return {
    year,
    provisional: calendar.year(year).provisional,
    days: yearDays(calendar, year).map((d) => ({ date: d.date, working: d.working, why: dayWhy(d, lang) })),
  };
}

/** Working days and days off per month and in the year, then every exception with why: to hold against the official production calendar. */
export function calendarText(calendar: Calendar, year: number, lang: Lang): string {
  const days = yearDays(calendar, year);
  const [monthHead, workHead, offHead] = t(lang, 'calendar.columns').split('|') as [string, string, string];
  const rows: [string, number, number][] = [];
  for (let m = 1; m <= 12; m++) {
    const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === m);
    const working = inMonth.filter((d) => d.working).length;
    rows.push([monthName(lang, m), working, inMonth.length - working]);
  }
  const working = days.filter((d) => d.working).length;
  rows.push([t(lang, 'calendar.total'), working, days.length - working]);
  const w0 = Math.max(monthHead.length, ...rows.map((r) => r[0].length));
  const table = [
    `${monthHead.padEnd(w0)}  ${workHead}  ${offHead}`,
    ...rows.map((r, i) => `${i === 12 ? '\n' : ''}${r[0].padEnd(w0)}  ${String(r[1]).padStart(workHead.length)}  ${String(r[2]).padStart(offHead.length)}`),
  ];
  const line = (d: CalendarDay) => `  ${d.date} ${weekdayName(lang, d.date).padEnd(4)} ${dayWhy(d, lang)}`;
  const weekdaysOff = days.filter((d) => !d.working && !isWeekend(d.date));
  const weekendWorked = days.filter((d) => d.working && isWeekend(d.date));
  return [
    t(lang, 'calendar.title', { year }),
    t(lang, calendar.year(year).provisional ? 'calendar.provisional' : 'calendar.final'),
    '',
    ...table,
    '',
    t(lang, 'calendar.weekdaysOff'),
    ...(weekdaysOff.length ? weekdaysOff.map(line) : [t(lang, 'calendar.none')]),
    '',
    t(lang, 'calendar.weekendWorked'),
    ...(weekendWorked.length ? weekendWorked.map(line) : [t(lang, 'calendar.none')]),
  ].join('\n');
}

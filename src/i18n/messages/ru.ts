import type { MessageKey } from './en.js';

/** Сообщения на русском (ICU MessageFormat). */
export const ru: Record<MessageKey, string> = {
  'calendar.title': 'Производственный календарь на {year} год',
  'calendar.final': 'Постановление о переносе выходных дней на этот год учтено.',
  'calendar.provisional':
    'Предварительно: постановление о переносе выходных дней на этот год ещё не учтено; календарь рассчитан только по праздникам и правилу переноса.',
  'calendar.columns': 'Месяц|Рабочих дней|Выходных',
  'calendar.total': 'Год',
  'calendar.weekdaysOff': 'Выходные в будние дни:',
  'calendar.weekendWorked': 'Рабочие субботы и воскресенья:',
  'calendar.none': '  нет',
  'calendar.why.working': 'рабочий день',
  'calendar.why.weekend': 'выходной',
  'calendar.why.holiday': 'праздник: {name}',
  'calendar.why.weekendHoliday': 'выходной; праздник: {name}',
  'calendar.why.substitute': 'выходной вместо праздника «{name}», пришедшегося на выходной ({holiday, date, long})',
  'calendar.why.transferOff': 'выходной, перенесённый с {day, date, long} постановлением: {decree}',
  'calendar.why.transferWorked': 'рабочий день по постановлению, выходной перенесён на {day, date, long}: {decree}',
  'calendar.why.decreedWorking': 'рабочий день по постановлению: {note}',
  'calendar.why.correctionOff': 'выходной по поправке: {note}',
  'calendar.why.correctionWorked': 'рабочий день по поправке: {note}',
  'calendar.add':
    '{n, plural, one {# рабочий день} few {# рабочих дня} many {# рабочих дней} other {# рабочего дня}} после {from, date, long}: {to, date, long} ({to, date, ::EEEE})',
  'calendar.missingNextYear':
    'Внимание: нет файла производственного календаря на {year} год (rules/calendar/{year}.json). Сроки в {year} году рассчитываются только по праздникам и правилу переноса, пока не будет учтено постановление.',
  'deadline.provisional':
    'Предварительно: срок рассчитан до того, как было учтено постановление о переносе выходных дней на {years} год; дата ещё может измениться.',
};

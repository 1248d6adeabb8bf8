import type { MessageKey } from './en.js';

/** Қазақ тіліндегі хабарламалар (ICU MessageFormat). */
export const kk: Record<MessageKey, string> = {
  'calendar.title': '{year} жылғы өндірістік күнтізбе',
  'calendar.final': 'Осы жылғы демалыс күндерін ауыстыру туралы қаулы ескерілген.',
  'calendar.provisional':
    'Алдын ала: осы жылғы демалыс күндерін ауыстыру туралы қаулы әлі ескерілмеген; күнтізбе тек мерекелер мен ауыстыру ережесі бойынша есептелген.',
  'calendar.columns': 'Ай|Жұмыс күндері|Демалыс күндері',
  'calendar.total': 'Жыл',
  'calendar.weekdaysOff': 'Жұмыс күндеріне келген демалыс:',
  'calendar.weekendWorked': 'Жұмыс істейтін сенбі мен жексенбі:',
  'calendar.none': '  жоқ',
  'calendar.why.working': 'жұмыс күні',
  'calendar.why.weekend': 'демалыс күні',
  'calendar.why.holiday': 'мереке: {name}',
  'calendar.why.weekendHoliday': 'демалыс күні; мереке: {name}',
  'calendar.why.substitute': 'демалыс күніне ({holiday, date, long}) келген «{name}» мерекесінің орнына демалыс',
  'calendar.why.transferOff': 'қаулымен {day, date, long} күнінен ауыстырылған демалыс: {decree}',
  'calendar.why.transferWorked': 'қаулы бойынша жұмыс күні, демалыс {day, date, long} күніне ауыстырылды: {decree}',
  'calendar.why.decreedWorking': 'қаулы бойынша жұмыс күні: {note}',
  'calendar.why.correctionOff': 'түзету бойынша демалыс: {note}',
  'calendar.why.correctionWorked': 'түзету бойынша жұмыс күні: {note}',
  'calendar.add': '{from, date, long} күнінен кейінгі {n, plural, other {#-жұмыс күні}}: {to, date, long} ({to, date, ::EEEE})',
  'calendar.missingNextYear':
    'Назар аударыңыз: {year} жылға өндірістік күнтізбе файлы жоқ (rules/calendar/{year}.json). Қаулы ескерілгенше {year} жылғы мерзімдер тек мерекелер мен ауыстыру ережесі бойынша есептеледі.',
  'deadline.provisional':
    'Алдын ала: бұл мерзім {years} жылғы демалыс күндерін ауыстыру туралы қаулы ескерілгенге дейін есептелген; күн әлі өзгеруі мүмкін.',
};

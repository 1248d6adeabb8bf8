/** English messages (ICU MessageFormat). The other catalogues have exactly these keys. */
export const en = {
  'calendar.title': 'Working-day calendar of {year}',
  'calendar.final': "The year's decree on days off is recorded.",
  'calendar.provisional':
    "Provisional: the year's decree on days off is not recorded yet; computed from the public holidays and the substitution rule alone.",
  'calendar.columns': 'Month|Working days|Days off',
  'calendar.total': 'Year',
  'calendar.weekdaysOff': 'Weekdays off:',
  'calendar.weekendWorked': 'Weekend days worked:',
  'calendar.none': '  none',
  'calendar.why.working': 'working day',
  'calendar.why.weekend': 'weekend',
  'calendar.why.holiday': 'public holiday: {name}',
  'calendar.why.weekendHoliday': 'weekend; public holiday: {name}',
  'calendar.why.substitute': 'day off for {name}, which falls on a day off ({holiday, date, long})',
  'calendar.why.transferOff': 'day off moved here from {day, date, long} by decree: {decree}',
  'calendar.why.transferWorked': 'working day by decree, the day off moved to {day, date, long}: {decree}',
  'calendar.why.decreedWorking': 'working day by decree: {note}',
  'calendar.why.correctionOff': 'day off by correction: {note}',
  'calendar.why.correctionWorked': 'working day by correction: {note}',
  'calendar.add': 'The {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} working day after {from, date, full} is {to, date, full}.',
  'calendar.missingNextYear':
    'Warning: there is no working-day calendar file for {year} (rules/calendar/{year}.json). Deadlines in {year} are computed from the public holidays and the substitution rule alone until its decree is recorded.',
  'deadline.provisional': 'Provisional: this deadline was computed before the decree on days off for {years} was recorded; the date may still move.',
} as const;

export type MessageKey = keyof typeof en;

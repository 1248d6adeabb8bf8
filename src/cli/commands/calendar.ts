import type { Argv, CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { addWorkingDays, provisionalYears } from '../../domain/calendar.js';
import { UsageError } from '../../errors.js';
import { calendarJson, calendarText } from '../../i18n/calendar-text.js';
import { LANGS, t, type Lang } from '../../i18n/messages.js';
import { contextOf, print, type Common } from '../context.js';
import { withHelpEnd } from '../help.js';

interface ShowArgs extends Common {
  year: number;
  json: boolean;
  lang: Lang;
}

interface AddArgs extends Common {
  date: string;
  n: number;
  json: boolean;
  lang: Lang;
}

const langOption = <T>(y: Argv<T>) =>
  withHelpEnd(y).option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language of the text: kk (Kazakh), ru (Russian) or en (English)' });

const show: CommandModule<Common, ShowArgs> = {
  command: 'show <year>',
  describe: 'working days per month and year, and every weekday off and weekend day worked with why (to hold against the official production calendar)',
  builder: (y) =>
    langOption(
      y
        .positional('year', { type: 'number', demandOption: true })
        .option('json', { type: 'boolean', default: false, describe: 'print {"year", "provisional", "days": [{"date", "working", "why"}]} for every date' }),
    ).example('$0 calendar show 2026 --lang ru', 'the 2026 calendar in Russian'),
  handler: (argv) => {
    const year = Number(argv.year);
    if (!Number.isInteger(year) || year < 1991 || year > 2200) throw new UsageError('YEAR must be a year from 1991 to 2200');
    const calendar = contextOf(argv).calendar;
    print(argv.json ? JSON.stringify(calendarJson(calendar, year, argv.lang)) : calendarText(calendar, year, argv.lang));
  },
};

const add: CommandModule<Common, AddArgs> = {
  command: 'add <date> <n>',
  describe: 'the N-th working day after DATE (how every deadline is counted)',
  builder: (y) =>
    langOption(
      y
        .positional('date', { type: 'string', demandOption: true })
        .positional('n', { type: 'number', demandOption: true })
        .option('json', { type: 'boolean', default: false, describe: 'print {"from", "workingDays", "date", "provisional"}' }),
    ).example('$0 calendar add 2026-12-31 2', 'the confirm-by date of an offer made on 31 December 2026'),
  handler: (argv) => {
    const from = checkDate(String(argv.date), 'DATE');
    const n = Number(argv.n);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError('N must be a whole number from 1 to 1000');
    const calendar = contextOf(argv).calendar;
    const to = addWorkingDays(calendar, from, n);
    const years = provisionalYears(calendar, from, to);
    if (argv.json) return print(JSON.stringify({ from, workingDays: n, date: to, provisional: years.length > 0, provisionalYears: years }));
    print(t(argv.lang, 'calendar.add', { n, from, to }));
    if (years.length) print(t(argv.lang, 'deadline.provisional', { years: years.join(', ') }));
  },
};

export const calendarCommand: CommandModule<Common, Common> = {
  command: 'calendar <command>',
  describe: 'the working-day calendar: show YEAR, add DATE N',
  builder: (y) =>
    y
      .command([show, add] as unknown as CommandModule<Common, Common>[])
      .demandCommand(1, 'name a calendar command: show or add')
      .example('$0 calendar show 2026', 'working days per month, every exception with why')
      .example('$0 calendar add 2026-12-31 2', 'the 2nd working day after 31 December 2026'),
  handler: () => {},
};

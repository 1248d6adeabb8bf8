import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { registrationText } from '../../i18n/position-text.js';
import { readTextBounded } from '../../io/read-bounded.js';
import { MAX_APPLICATION_BYTES, registerApplication } from '../../online/register.js';
import { standingOf } from '../../online/standing.js';
import { fastestEvaluator } from '../../rules/engine.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  file: string;
  date?: string | undefined;
  lang: Lang;
  json: boolean;
}

export const registerCommand: CommandModule<Common, Args> = {
  command: 'register <file>',
  describe: 'register one application now: validate, store, print its notice (the queue number, or the refusal with its reasons)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'an application as JSON (formats.md)' })
      .option('date', { type: 'string', describe: 'date of registration (default today in Kazakhstan); without registeredAt the application is registered on that day' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language of the notice: kk (Kazakh), ru (Russian) or en (English)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the notice as JSON' })
      .example('$0 register application.json --lang kk', 'register and answer in Kazakh')
      .example('$0 register application.json --date 2026-09-01 --json', 'register on a date, answer as JSON'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const ctx = contextOf(argv);
    const rules = ctx.rules.at(date);
    await withContext(argv, async ({ db, calendar }) => {
      const file = resolve(argv.file);
      const notice = await registerApplication(db, readTextBounded(file, MAX_APPLICATION_BYTES), file, rules, fastestEvaluator(rules), date, 'register');
      if (argv.json) return print(JSON.stringify(notice));
      const standing = notice.outcome === 'registered' ? (await standingOf(db, rules, calendar, notice.application, date, ctx.rules)).standing : null;
      print(registrationText(notice, standing, argv.lang, rules));
    });
  },
};

import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { fastestEvaluator } from '../../rules/engine.js';
import { readTextBounded } from '../../io/read-bounded.js';
import { MAX_APPLICATION_BYTES, registerApplication } from '../../online/register.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { formatNotice } from '../format.js';

interface Args extends Common {
  file: string;
  date?: string | undefined;
}

export const registerCommand: CommandModule<Common, Args> = {
  command: 'register <file>',
  describe: 'register one application now: validate, store, print its notice',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'an application as JSON (formats.md)' })
      .option('date', { type: 'string', describe: 'date of registration (default today in Kazakhstan); without registeredAt the application is registered on that day' }),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const rules = contextOf(argv).rules.at(date);
    await withContext(argv, async ({ db }) => {
      const file = resolve(argv.file);
      const notice = await registerApplication(db, readTextBounded(file, MAX_APPLICATION_BYTES), file, rules, fastestEvaluator(rules), date, 'register');
      print(formatNotice(notice, date));
    });
  },
};

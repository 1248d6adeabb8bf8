import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { explanationText } from '../../i18n/explain-text.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { explainApplication } from '../../online/explain.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  id: string;
  date?: string | undefined;
  lang: Lang;
  trace: boolean;
  json: boolean;
}

export const explainCommand: CommandModule<Common, Args> = {
  command: 'explain <id>',
  describe: 'where an application stands, in words a family reads: the outcome, why, what to do next, the queue position, why no seat yet',
  builder: (y) =>
    y
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'date (default today in Kazakhstan)' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language: kk (Kazakh), ru (Russian) or en (English)' })
      .option('trace', { type: 'boolean', default: false, describe: 'add every rule and comparison the rules made (for staff)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the explanation as JSON' })
      .example('$0 explain APP-000017 --lang kk', 'the family’s explanation in Kazakh')
      .example('$0 explain APP-000017 --date 2026-09-01 --trace', 'with the rule-by-rule trace, at a date'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const ctx = contextOf(argv);
    const rules = ctx.rules.at(date);
    await withContext(argv, async ({ db, calendar }) => {
      const x = await explainApplication(db, rules, calendar, argv.id, date, ctx.rules.hashes(), ctx.rules);
      print(argv.json ? JSON.stringify(x) : explanationText(x, argv.lang, rules, { trace: argv.trace }));
    });
  },
};

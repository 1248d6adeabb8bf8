import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { explanationText } from '../../i18n/explain-text.js';
import { LANGS, type Lang } from '../../i18n/catalog.js';
import { explainApplication } from '../../online/explain.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  id: string;
  date?: string | undefined;
  lang: Lang;
  json: boolean;
}

export const explainCommand: CommandModule<Common, Args> = {
  command: 'explain <id>',
  describe: 'every decision about one application in plain words: rules, category, queue number, why no seat',
  builder: (y) =>
    y
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'date (default today in Kazakhstan)' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language: kk (Kazakh), ru (Russian) or en (English)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the explanation as JSON' }),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db }) => {
      const x = await explainApplication(db, rules, calendar, argv.id, date, contextOf(argv).rules.hashes());
      print(argv.json ? JSON.stringify(x) : explanationText(x, argv.lang));
    });
  },
};

import type { CommandModule } from 'yargs';
import { loadCalendar } from '../../io/calendar.js';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { explanationText } from '../../i18n/explain-text.js';
import { LANGS, type Lang } from '../../i18n/catalog.js';
import { loadRuleSet } from '../../rules/load.js';
import { loadRuleSetAt, ruleSetHeaders } from '../../rules/versions.js';
import { explainApplication } from '../../online/explain.js';
import { configOf, print, withContext, type Common } from '../context.js';

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
    const rules = loadRuleSetAt(configOf(argv).rulesDir, date);
    const calendar = loadCalendar(configOf(argv).rulesDir);
    await withContext(argv, async ({ db }) => {
      const x = await explainApplication(db, rules, calendar, argv.id, date, knownHashes(configOf(argv).rulesDir));
      print(argv.json ? JSON.stringify(x) : explanationText(x, argv.lang));
    });
  },
};

/** Hashes of every valid set of the folder; a broken scheduled set does not stop an explanation. */
function knownHashes(dir: string): Set<string> {
  const out = new Set<string>();
  for (const h of ruleSetHeaders(dir)) {
    try {
      out.add(loadRuleSet(h.dir, h.label).hash);
    } catch {
      // reported by `kezek rules validate`
    }
  }
  return out;
}

import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { UsageError } from '../../errors.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { diffRuleSets, resolveRuleSetArg } from '../../online/rules-diff.js';
import { formatRulesDiff } from '../rules-diff-report.js';
import { RuleWords } from '../rules-report.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  from?: string | undefined;
  to: string;
  date?: string | undefined;
  placesOf?: string | undefined;
  district?: string[] | undefined;
  out?: string | undefined;
  json?: boolean | undefined;
  lang: Lang;
}

export const rulesDiffCommand: CommandModule<Common, Args> = {
  command: 'diff',
  describe: 'what a rule change does to the children in the queue: placed, displaced, moved, recategorised, refused, and queue numbers moved (a preview: nothing is stored)',
  builder: (y) =>
    y
      .option('from', { type: 'string', describe: 'old rule set: a folder or a version name (default: the set in force at --date)' })
      .option('to', { type: 'string', demandOption: true, describe: 'new rule set: a folder or a version name' })
      .option('date', { type: 'string', describe: 'date to judge and allocate at, YYYY-MM-DD (default: the --places-of date)' })
      .option('places-of', { type: 'string', describe: 'replay the free places and the queue a stored night of this date read (when no seat is free now)' })
      .option('district', { type: 'string', array: true, describe: 'only these districts' })
      .option('out', { type: 'string', describe: "write every child's change (application, before, after) as NDJSON" })
      .option('json', { type: 'boolean', describe: 'print the whole comparison, with every child\'s change, as JSON' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language of the report: kk, ru or en' })
      .example('$0 rules diff --to rules/versions/2027.1 --date 2026-12-01', 'the scheduled set against the one in force, on the live queue')
      .example('$0 rules diff --to drafts/rules --places-of 2026-09-01 --out changes.ndjson', 'what the draft would have done to the night of 1 September'),
  handler: async (argv) => {
    const placesOf = argv.placesOf === undefined ? null : checkDate(argv.placesOf, '--places-of');
    if (argv.date === undefined && !placesOf) throw new UsageError('give --date (or --places-of, whose date it then defaults to)');
    const date = checkDate(argv.date ?? placesOf!, '--date');
    // Both sets are checked before the database is opened.
    const library = contextOf(argv).rules;
    const from = resolveRuleSetArg(library, argv.from, date);
    const to = resolveRuleSetArg(library, argv.to, date);
    await withContext(argv, async ({ db, calendar }) => {
      const diff = await diffRuleSets(db, from, to, { date, placesOf, districts: (argv.district ?? []).map(String), calendar });
      const out = argv.out ? resolve(argv.out) : null;
      if (out) writeFileAtomic(out, diff.districts.flatMap((d) => d.people).map((p) => JSON.stringify(p) + '\n').join(''));
      print(argv.json ? JSON.stringify(diff) : formatRulesDiff(diff, { lang: argv.lang, from: new RuleWords(from, argv.lang), to: new RuleWords(to, argv.lang) }, out));
    });
  },
};

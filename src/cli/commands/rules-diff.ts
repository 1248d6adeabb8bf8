import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { diffRuleSets, resolveRuleSetArg } from '../../online/rules-diff.js';
import { formatRulesDiff } from '../rules-diff-report.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  from?: string | undefined;
  to: string;
  date: string;
  district?: string[] | undefined;
  out?: string | undefined;
}

export const rulesDiffCommand: CommandModule<Common, Args> = {
  command: 'diff',
  describe: 'what a rule change does to the current queue at a date: changed verdicts and the referrals gained and lost (dry)',
  builder: (y) =>
    y
      .option('from', { type: 'string', describe: 'old rule set: a folder or a version name (default: the set in force at --date)' })
      .option('to', { type: 'string', demandOption: true, describe: 'new rule set: a folder or a version name' })
      .option('date', { type: 'string', demandOption: true, describe: 'date to judge and allocate at, YYYY-MM-DD' })
      .option('district', { type: 'string', array: true, describe: 'only these districts' })
      .option('out', { type: 'string', describe: 'write the gained and lost referrals as NDJSON' }),
  handler: async (argv) => {
    const date = checkDate(argv.date, '--date');
    // Both sets are checked before the database is opened.
    const from = resolveRuleSetArg(contextOf(argv).rules, argv.from, date);
    const to = resolveRuleSetArg(contextOf(argv).rules, argv.to, date);
    await withContext(argv, async ({ db }) => {
      const diff = await diffRuleSets(db, from, to, date, (argv.district ?? []).map(String));
      const out = argv.out ? resolve(argv.out) : null;
      if (out) writeFileSync(out, diff.districts.flatMap((d) => d.referrals).map((r) => JSON.stringify(r) + '\n').join(''));
      print(formatRulesDiff(diff, out));
    });
  },
};

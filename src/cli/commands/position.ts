import type { CommandModule } from 'yargs';
import { provisionalYears } from '../../domain/calendar.js';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { fastestEvaluator } from '../../rules/engine.js';
import { positionOf } from '../../online/position.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { formatPosition, provisionalNote } from '../format.js';

interface Args extends Common {
  id: string;
  date?: string | undefined;
  json: boolean;
}

export const positionCommand: CommandModule<Common, Args> = {
  command: 'position <id>',
  describe: 'the current queue number of an application and who is ahead',
  builder: (y) =>
    y
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'date (default today in Kazakhstan)' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db }) => {
      const p = await positionOf(db, rules, fastestEvaluator(rules), argv.id, date);
      // A live referral's deadline shown to the family says when it is provisional.
      const r = p.state === 'not_queued' && p.referral && (p.referral.status === 'offered' || p.referral.status === 'confirmed') ? p.referral : null;
      const years = r ? provisionalYears(calendar, r.issuedOn, r.confirmBy) : [];
      if (argv.json) print(JSON.stringify({ ...p, provisionalYears: years }));
      else print([formatPosition(p, date), ...(years.length ? [provisionalNote(years)] : [])].join('\n'));
    });
  },
};

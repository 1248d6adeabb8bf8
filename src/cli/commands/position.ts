import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { fastestEvaluator } from '../../rules/engine.js';
import { positionOf } from '../../service/position.js';
import { loadRuleSetAt } from '../../rules/versions.js';
import { configOf, print, withContext, type Common } from '../context.js';
import { formatPosition } from '../format.js';

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
    const rules = loadRuleSetAt(configOf(argv).rulesDir, date);
    await withContext(argv, async ({ db }) => {
      const p = await positionOf(db, rules, fastestEvaluator(rules), argv.id, date);
      print(argv.json ? JSON.stringify(p) : formatPosition(p, date));
    });
  },
};

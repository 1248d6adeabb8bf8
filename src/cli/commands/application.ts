import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { applicationAction, describeChange, type ApplicationAction } from '../../online/operator.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { actorOf, reasonOf } from './referral.js';

interface Args extends Common {
  action: ApplicationAction;
  id: string;
  date?: string | undefined;
  actor?: string | undefined;
  reason?: string | undefined;
  json: boolean;
}

export const applicationCommand: CommandModule<Common, Args> = {
  command: 'application <action> <id>',
  describe: 'restore an inactive application (once, within 28 days) or withdraw one from the queue',
  builder: (y) =>
    y
      .positional('action', { choices: ['restore', 'withdraw'] as const, demandOption: true })
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'the day it happened (default today in Kazakhstan)' })
      .option('actor', { type: 'string', describe: 'operator name (default $KEZEK_ACTOR, else the OS user)' })
      .option('reason', { type: 'string', describe: 'why (kept in the audit trail)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the change as JSON: {"application": {id, from, to, reason, …}}' })
      .example('$0 application restore APP-000017 --actor aigul --reason "was in hospital"', 'back in the queue with its place (once, within 28 days of going inactive)')
      .example('$0 application withdraw APP-000017', 'the parent asked to leave the queue'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const actor = actorOf(argv);
    const reason = reasonOf(argv);
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db, log }) => {
      const change = await applicationAction(db, String(argv.id), argv.action, { date, actor, reason, calendar, params: rules.parameters });
      log.info({ application: String(argv.id), action: argv.action }, 'application changed');
      print(argv.json ? JSON.stringify(change) : describeChange(change));
    });
  },
};

import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { provisionalYears } from '../../domain/calendar.js';
import { UsageError } from '../../errors.js';
import { describeChange, referralAction, type ReferralAction } from '../../online/operator.js';
import { provisionalNote } from '../format.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  action: ReferralAction;
  id: string;
  date?: string | undefined;
  actor?: string | undefined;
  reason?: string | undefined;
  days?: number | undefined;
  json: boolean;
}

export const ACTIONS: readonly ReferralAction[] = ['confirm', 'decline', 'enroll', 'extend', 'confirm-right'];

/** The actor recorded in the audit trail: --actor, else KEZEK_ACTOR, else the OS user (config.operator). */
export function actorOf(argv: Common & { actor?: string | undefined }): string {
  const a = (argv.actor ?? contextOf(argv).config.operator ?? '').trim();
  if (!a) throw new UsageError('name the operator with --actor (or KEZEK_ACTOR)');
  if (a.length > 100) throw new UsageError('--actor is at most 100 characters');
  return `operator:${a}`;
}

export function reasonOf(argv: { reason?: unknown }): string | undefined {
  if (argv.reason === undefined) return undefined;
  const r = String(argv.reason).trim();
  if (r.length > 500) throw new UsageError('--reason is at most 500 characters');
  return r || undefined;
}

export const referralCommand: CommandModule<Common, Args> = {
  command: 'referral <action> <id>',
  describe: 'a referral\'s lifecycle: confirm | decline | enroll | extend | confirm-right',
  builder: (y) =>
    y
      .positional('action', { choices: ACTIONS, demandOption: true })
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'the day it happened (default today in Kazakhstan)' })
      .option('actor', { type: 'string', describe: 'operator name (default $KEZEK_ACTOR, else the OS user)' })
      .option('reason', { type: 'string', describe: 'why (kept in the audit trail)' })
      .option('days', { type: 'number', describe: 'extend: calendar days (default the maximum, 30)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the change as JSON: {"referral": {id, from, to, reason, …}, "application": {…}, "provisionalYears": […]}' })
      .example('$0 referral confirm R-20260901-ALA-MED-000017 --actor aigul', 'the parent confirmed the offer today')
      .example('$0 referral extend R-20260901-ALA-MED-000017 --days 14 --reason "medical certificate"', 'enrolment deadline moved once, by 14 days'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const actor = actorOf(argv);
    const reason = reasonOf(argv);
    if (argv.days !== undefined && argv.action !== 'extend') throw new UsageError('--days is for extend only');
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db, log }) => {
      const change = await referralAction(db, String(argv.id), argv.action, { date, actor, reason, days: argv.days, calendar, params: rules.parameters });
      log.info({ referral: String(argv.id), action: argv.action }, 'referral changed');
      const deadline = change.referral?.enrollBy;
      const years = deadline ? provisionalYears(calendar, date, deadline) : [];
      if (argv.json) return print(JSON.stringify({ ...change, provisionalYears: years }));
      print(describeChange(change));
      const note = provisionalNote(years);
      if (note) print(note);
    });
  },
};

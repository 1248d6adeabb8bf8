import type { CommandModule } from 'yargs';
import { applicationHistory } from '../../db/history.js';
import { NotFoundError } from '../../errors.js';
import { print, withContext, type Common } from '../context.js';
import { table } from '../table.js';

interface Args extends Common {
  id: string;
  json: boolean;
}

export const historyCommand: CommandModule<Common, Args> = {
  command: 'history <id>',
  describe: 'the audit trail of an application and its referrals: every status change, when, on which business date, by whom, why',
  builder: (y) =>
    y
      .positional('id', { type: 'string', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'print NDJSON: {"at", "effectiveOn", "entity", "entityId", "from", "to", "actor", "reason"}' })
      .example('$0 history APP-000017', 'what happened to the application, event by event'),
  handler: async (argv) => {
    await withContext(argv, async ({ db }) => {
      const id = String(argv.id);
      const events = await applicationHistory(db, id);
      if (events.length === 0 && (await db.query(`select 1 from applications where id = $1`, [id])).length === 0) throw new NotFoundError('application', id);
      if (argv.json) {
        for (const e of events) print(JSON.stringify(e));
        return;
      }
      print(`History of application ${id}`);
      print(
        table(
          ['recorded (UTC)', 'business date', 'what', 'change', 'by', 'why'],
          events.map((e) => [e.at, e.effectiveOn, `${e.entity} ${e.entityId}`, `${e.from ?? '—'} → ${e.to}`, e.actor, e.reason]),
        ),
      );
    });
  },
};

import type { CommandModule } from 'yargs';
import { applicationHistory } from '../../db/history.js';
import { NotFoundError } from '../../errors.js';
import { print, withContext, type Common } from '../context.js';

interface Args extends Common {
  id: string;
  json: boolean;
}

export const historyCommand: CommandModule<Common, Args> = {
  command: 'history <id>',
  describe: 'the audit trail of an application and its referrals: every status change, when, by whom, why',
  builder: (y) => y.positional('id', { type: 'string', demandOption: true }).option('json', { type: 'boolean', default: false, describe: 'print NDJSON' }),
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
      for (const e of events)
        print(`${e.at}  ${e.effectiveOn ?? '          '}  ${e.entity} ${e.entityId}  ${e.from ?? '—'} → ${e.to}  by ${e.actor}: ${e.reason}`);
    });
  },
};

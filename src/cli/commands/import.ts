import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { importFolder } from '../../importing/import-folder.js';
import { todayInKazakhstan } from '../../config.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { formatImport } from '../format.js';
import { needsAttention } from '../outcome.js';

interface Args extends Common {
  dir: string;
  rejects?: string | undefined;
  json: boolean;
}

export const importCommand: CommandModule<Common, Args> = {
  command: 'import <dir>',
  describe: 'load a data folder of NDJSON files (upsert by id); bad lines go to a rejects file (exit 3 when there are any)',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'folder with districts/kindergartens/places/applications.ndjson' })
      .option('rejects', { type: 'string', describe: 'rejects file (default DIR/rejects.ndjson)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the counts as JSON: {"files": [{"file", "lines", "imported", "rejected"}], "rejected", "rejectsPath"}' })
      .example('$0 import /srv/kezek/incoming/2026-09-01', 'load the day\'s files; rejected lines are in …/rejects.ndjson'),
  handler: async (argv) => {
    // Rights known to the rules in force today decide what import accepts.
    const today = todayInKazakhstan();
    const rules = contextOf(argv).rules.at(today);
    await withContext(argv, async ({ db, log }) => {
      const dir = resolve(argv.dir);
      const report = await importFolder(db, dir, { rejectsPath: resolve(argv.rejects ?? join(dir, 'rejects.ndjson')), actor: 'import', rules, log, date: today });
      print(argv.json ? JSON.stringify(report) : formatImport(report));
      if (report.rejected) needsAttention(argv, `${report.rejected} line${report.rejected === 1 ? ' was' : 's were'} rejected: ${report.rejectsPath}`);
    });
  },
};

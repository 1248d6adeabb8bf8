import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { importFolder } from '../../importing/import-folder.js';
import { todayInKazakhstan } from '../../config.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { formatImport } from '../format.js';

interface Args extends Common {
  dir: string;
  rejects?: string | undefined;
}

export const importCommand: CommandModule<Common, Args> = {
  command: 'import <dir>',
  describe: 'load a data folder of NDJSON files (upsert by id); bad lines go to a rejects file',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'folder with districts/kindergartens/places/applications.ndjson' })
      .option('rejects', { type: 'string', describe: 'rejects file (default DIR/rejects.ndjson)' }),
  handler: async (argv) => {
    // Rights known to the rules in force today decide what import accepts.
    const rules = contextOf(argv).rules.at(todayInKazakhstan());
    await withContext(argv, async ({ db, log }) => {
      const dir = resolve(argv.dir);
      const report = await importFolder(db, dir, { rejectsPath: resolve(argv.rejects ?? join(dir, 'rejects.ndjson')), actor: 'import', rules, log, date: todayInKazakhstan() });
      print(formatImport(report));
    });
  },
};

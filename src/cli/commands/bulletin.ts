import type { CommandModule } from 'yargs';
import { csvText } from '../../codec/csv.js';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { BULLETIN_CSV_COLUMNS, bulletinRows, bulletins } from '../../online/bulletin.js';
import { print, withContext, type Common } from '../context.js';

interface Args extends Common {
  district?: string[] | undefined;
  date?: string | undefined;
  format: 'json' | 'csv';
}

export const bulletinCommand: CommandModule<Common, Args> = {
  command: 'bulletin',
  describe: 'the public vacancy bulletin: free seats by kindergarten and group (birth year, language, group type); no personal data',
  builder: (y) =>
    y
      .option('district', { type: 'string', array: true, describe: 'only these districts (default: all)' })
      .option('date', { type: 'string', describe: 'the seats as they stood at the end of this day, after its night (default: as they stand now)' })
      .option('format', { choices: ['json', 'csv'] as const, default: 'json' as const, describe: 'json (one bulletin per district, one per line) or csv (UTF-8 with BOM, for spreadsheets)' })
      .example('$0 bulletin --district ALA-MED --format csv > bulletin.csv', 'this morning\'s free seats of one district, for a spreadsheet'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    await withContext(argv, async ({ db }) => {
      const list = await bulletins(db, (argv.district ?? []).map(String), date, { asOf: argv.date !== undefined });
      if (argv.format === 'csv') process.stdout.write(csvText(BULLETIN_CSV_COLUMNS, bulletinRows(list)));
      else for (const b of list) print(JSON.stringify(b));
    });
  },
};

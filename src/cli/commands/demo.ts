import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { contextOf, print, type Common } from '../context.js';
import { runDemo } from '../demo.js';

interface Args extends Common {
  date: string;
  applications: number;
  districts: number;
  seed: number;
  json: boolean;
}

export const demoCommand: CommandModule<Common, Args> = {
  command: 'demo',
  describe: 'generate a synthetic district set, import it into a fresh embedded database and run one nightly allocation',
  builder: (y) =>
    y
      .option('date', { type: 'string', default: '2026-09-01', describe: 'allocation date' })
      .option('applications', { type: 'number', default: 5000 })
      .option('districts', { type: 'number', default: 6 })
      .option('seed', { type: 'number', default: 42 })
      .option('json', { type: 'boolean', default: false, describe: 'print {"dataDir", "data", "runFolder", "import", "summary", "next"} instead of the text' })
      .example('$0 demo', 'the whole cycle on 5,000 synthetic applications in .kezek/demo (never the real database)')
      .example('$0 demo --applications 50000 --districts 20 --date 2026-09-01', 'a larger one'),
  handler: async (argv) => {
    const date = checkDate(argv.date, '--date');
    const result = await runDemo(contextOf(argv), { date, applications: argv.applications, districts: argv.districts, seed: argv.seed }, argv.json ? () => {} : print);
    if (argv.json) print(JSON.stringify(result, null, 2));
  },
};

import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { contextOf, print, type Common } from '../context.js';
import { runDemo } from '../demo.js';

interface Args extends Common {
  date: string;
  applications: number;
  districts: number;
  seed: number;
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
      .example('$0 demo', 'the whole cycle on 5,000 synthetic applications in .kezek/demo (never the real database)')
      .example('$0 demo --applications 50000 --districts 20 --date 2026-09-01', 'a larger one'),
  handler: async (argv) => {
    const date = checkDate(argv.date, '--date');
    await runDemo(contextOf(argv), { date, applications: argv.applications, districts: argv.districts, seed: argv.seed }, print);
  },
};

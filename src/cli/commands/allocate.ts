import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { UsageError } from '../../errors.js';
import { ENGINES, type EngineName } from '../../rules/engine.js';
import { runNightly, type RunSummary } from '../../nightly/run.js';
import { runReportFiles } from '../run-report.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { needsAttention } from '../outcome.js';
import { progressReporter } from '../progress.js';
import { formatRun } from '../format.js';

interface Args extends Common {
  date: string;
  out: string;
  district?: string[] | undefined;
  workers: number;
  'dry-run': boolean;
  engine: EngineName;
  share: boolean;
  json: boolean;
}

export const allocateCommand: CommandModule<Common, Args> = {
  command: 'allocate',
  describe: 'run the nightly allocation for a date and write the run folder (referrals, queue, refusals, lapses, summary)',
  builder: (y) =>
    y
      .option('date', { type: 'string', demandOption: true, describe: 'allocation date YYYY-MM-DD' })
      .option('out', { type: 'string', demandOption: true, describe: 'run folder to write' })
      .option('district', { type: 'string', array: true, describe: 'only these districts' })
      .option('workers', { type: 'number', default: 1, describe: 'worker threads' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'store nothing' })
      .option('share', { type: 'boolean', default: false, describe: 'share the run with other allocate processes on the same date (PostgreSQL)' })
      .option('engine', { choices: ENGINES, default: 'compiled' as EngineName, describe: 'rules engine: compiled (fast) or reference (json-rules-engine)' })
      .option('json', { type: 'boolean', default: false, describe: 'print summary.json instead of the text' })
      .example('$0 allocate --date 2026-09-01 --out runs/2026-09-01 --workers 2', "the night of 1 September; exit 3 when it warns (e.g. next year's calendar file is missing)")
      .example('$0 allocate --date 2026-09-01 --out /tmp/try --dry-run', 'what the night would do, storing nothing'),
  handler: async (argv) => {
    const date = checkDate(argv.date, '--date');
    if (!Number.isInteger(argv.workers) || argv.workers < 1 || argv.workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db, log, config }) => {
      const outDir = resolve(argv.out);
      const districts = (argv.district ?? []).map(String);
      const progress = progressReporter(process.stderr, log);
      const { databaseUrl, schema } = config.database;
      let summary: RunSummary;
      try {
        summary = await runNightly(
          db,
          {
            date,
            outDir,
            districts,
            workers: argv.workers,
            dryRun: argv['dry-run'],
            rules,
            engine: argv.engine,
            share: argv.share,
            connection: databaseUrl ? { url: databaseUrl, schema } : undefined,
            onProgress: (p) => progress.update(p),
            calendar,
            report: runReportFiles(db),
          },
          log,
        );
      } finally {
        progress.end();
      }
      print(argv.json ? JSON.stringify(summary, null, 2) : formatRun(summary, outDir));
      for (const why of runWarnings(summary)) needsAttention(argv, why);
    });
  },
};

/** What in a finished run needs a person (exit code 3). */
export function runWarnings(s: RunSummary): string[] {
  const out: string[] = [];
  if (s.calendar.missingNextYear) out.push(`there is no working-day calendar file for ${s.calendar.missingNextYear} (rules/calendar/${s.calendar.missingNextYear}.json)`);
  if (s.engineFallback) out.push(`the compiled rules engine could not run these rules (${s.engineFallback}); json-rules-engine was used`);
  return out;
}

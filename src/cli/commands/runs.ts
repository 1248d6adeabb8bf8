import type { Argv, CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { UsageError } from '../../errors.js';
import { RUN_FILES, type RunFile } from '../../io/run-folder.js';
import { listRunDays, runDayOf, runFileText, type RunDay } from '../../online/runs.js';
import { paintFor } from '../colour.js';
import { print, withContext, type Common } from '../context.js';
import { csvOfNdjson } from '../csv.js';
import { withHelpEnd } from '../help.js';
import { needsAttention } from '../outcome.js';
import { table } from '../table.js';

interface ListArgs extends Common {
  date?: string | undefined;
  limit: number;
  json: boolean;
}

interface ShowArgs extends Common {
  date: string;
  json: boolean;
  file?: RunFile | undefined;
  format: 'ndjson' | 'csv';
}

/** The columns of each run folder file, in their order (CSV headers even when a file is empty). */
const FILE_COLUMNS: Record<RunFile, string[]> = {
  referrals: ['referral', 'application', 'district', 'birthYear', 'kindergarten', 'group', 'category', 'rights', 'preferenceRank', 'issuedOn', 'confirmBy'],
  queue: ['application', 'district', 'birthYear', 'category', 'queueNumber'],
  refusals: ['application', 'district', 'reasons'],
  lapses: ['application', 'district', 'referral', 'event', 'reason', 'deadline', 'restoreBy', 'stopListUntil'],
};

/** A night that did not finish needs a person (exit 3); one still running does not. */
function attentionFor(argv: object, days: readonly RunDay[]): void {
  for (const d of days)
    if (d.status === 'interrupted' || d.status === 'failed') needsAttention(argv, `the run of ${d.date} is ${d.status}: ${d.resume ?? 'run allocate for that date again'} finishes it`);
}

const list: CommandModule<Common, ListArgs> = {
  command: 'list [date]',
  describe: 'recent nights: status (running, done, failed, interrupted), districts done, timings, lapses, engine, rules version',
  builder: (y) =>
    withHelpEnd(
      y
        .positional('date', { type: 'string', describe: 'only this date' })
        .option('limit', { type: 'number', default: 14, describe: 'how many dates, newest first' })
        .option('json', { type: 'boolean', default: false, describe: 'print JSON: [{"date", "status", "districts", "lifecycle", "startedAt", "finishedAt", "runs": […]}]' })
        .example('$0 runs list', 'the last 14 nights (exit 3 when one was interrupted or failed)'),
    ),
  handler: async (argv) => {
    const date = argv.date === undefined ? undefined : checkDate(String(argv.date), 'DATE');
    if (!Number.isInteger(argv.limit) || argv.limit < 1 || argv.limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
    await withContext(argv, async ({ db }) => {
      const days = await listRunDays(db, { date, limit: argv.limit });
      if (argv.json) print(JSON.stringify(days, null, 2));
      else print(days.length ? formatRunDays(days) : 'No run is stored yet.');
      attentionFor(argv, days);
    });
  },
};

const show: CommandModule<Common, ShowArgs> = {
  command: 'show <date>',
  describe: "one night: its runs and summary, or one of its run folder's files (--file) as NDJSON or CSV",
  builder: (y) =>
    withHelpEnd(
      y
        .positional('date', { type: 'string', demandOption: true })
        .option('json', { type: 'boolean', default: false, describe: 'print the night with its summary.json as JSON' })
        .option('file', { choices: RUN_FILES, describe: "print this file of the night's run folder (from the database)" })
        .option('format', { choices: ['ndjson', 'csv'] as const, default: 'ndjson' as const, describe: 'for --file: csv is UTF-8 with BOM, for spreadsheets' })
        .example('$0 runs show 2026-09-08', 'the night of 8 September')
        .example('$0 runs show 2026-09-08 --file lapses --format csv > lapses.csv', 'the families to reach, for a spreadsheet'),
    ),
  handler: async (argv) => {
    const date = checkDate(String(argv.date), 'DATE');
    if (argv.format === 'csv' && !argv.file) throw new UsageError('--format csv is for --file referrals|queue|refusals|lapses');
    await withContext(argv, async ({ db }) => {
      if (argv.file) {
        const text = await runFileText(db, date, argv.file);
        process.stdout.write(argv.format === 'csv' ? csvOfNdjson(text, FILE_COLUMNS[argv.file]) : text);
        return;
      }
      const day = await runDayOf(db, date);
      if (argv.json) print(JSON.stringify(day, null, 2));
      else print(formatRunDay(day));
      attentionFor(argv, [day]);
    });
  },
};

export const runsCommand: CommandModule<Common, Common> = {
  command: 'runs <command>',
  describe: 'the nightly runs: list, show DATE',
  builder: (y: Argv<Common>) =>
    y
      .command([list, show] as unknown as CommandModule<Common, Common>[])
      .demandCommand(1, 'name a runs command: list or show')
      .example('$0 runs list', 'recent nights')
      .example('$0 runs show 2026-09-08 --file referrals --format csv > referrals.csv', "a night's referrals for a spreadsheet"),
  handler: () => {},
};

const seconds = (from: string, to: string | null): string => (to ? `${((Date.parse(to) - Date.parse(from)) / 1000).toFixed(0)} s` : '');
const time = (iso: string | null): string => (iso ? iso.slice(0, 19).replace('T', ' ') : '');

function statusText(status: string): string {
  const paint = paintFor(process.stdout);
  return status === 'done' ? paint.green(status) : status === 'running' ? paint.yellow(status) : paint.red(status);
}

export function formatRunDays(days: readonly RunDay[]): string {
  return table(
    ['date', 'status', 'districts', 'started (+05:00)', 'took', 'lapsed', 'cancelled', 'aged out', 'seats back', 'engine', 'rules'],
    days.map((d) => [
      d.date,
      statusText(d.status),
      `${d.districts.done}/${d.districts.planned ?? '?'}`,
      time(d.startedAt),
      seconds(d.runs[d.runs.length - 1]!.startedAt, d.finishedAt),
      d.lifecycle.lapsed,
      d.lifecycle.cancelled,
      d.lifecycle.agedOut,
      d.lifecycle.seatsReturned,
      d.engine,
      d.rulesVersion,
    ]),
    ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  );
}

export function formatRunDay(d: RunDay & { summary: Record<string, unknown> | null }): string {
  const totals = d.summary?.totals as { referrals?: number; queueLeft?: number; refused?: number; seatsOffered?: number } | undefined;
  return [
    `Night of ${d.date}: ${statusText(d.status)}, ${d.districts.done} of ${d.districts.planned ?? '?'} districts done, rules ${d.rulesVersion} (${d.engine} engine)`,
    ...(totals ? [`  referrals ${totals.referrals}, left in queue with a number ${totals.queueLeft}, refusals ${totals.refused}, seats offered ${totals.seatsOffered}`] : []),
    `  lapsed ${d.lifecycle.lapsed}, cancelled ${d.lifecycle.cancelled}, aged out ${d.lifecycle.agedOut}, seats returned ${d.lifecycle.seatsReturned}`,
    ...(d.out ? [`  run folder: ${d.out}`] : []),
    ...(d.resume ? [`  to finish it: ${d.resume}`] : []),
    '',
    table(
      ['run', 'status', 'started (+05:00)', 'finished', 'took', 'districts committed', 'workers'],
      d.runs.map((r) => [r.run, statusText(r.status), time(r.startedAt), time(r.finishedAt), seconds(r.startedAt, r.finishedAt), r.districtsCommitted, r.workers]),
      ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

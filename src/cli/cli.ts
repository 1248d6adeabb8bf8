import { join, resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { checkDate, resolveConfig, todayInKazakhstan, type KezekConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { isKezekError, UsageError } from '../errors.js';
import { importFolder } from '../input/import-folder.js';
import { createLogger, type Logger } from '../log.js';
import { loadRuleSet } from '../rules/load.js';
import { referenceEvaluator } from '../rules/reference-engine.js';
import { runNightly } from '../run/nightly.js';
import { positionOf } from '../service/position.js';
import { registerApplication } from '../service/register.js';
import { runDemo } from './demo.js';
import { formatImport, formatNotice, formatPosition, formatRun } from './format.js';

interface Common {
  dataDir?: string;
  rules?: string;
  logLevel?: string;
}

/** Opens what a command needs and always closes the database. */
async function withContext<T>(argv: Common, fn: (ctx: { config: KezekConfig; db: Database; log: Logger }) => Promise<T>): Promise<T> {
  const config = resolveConfig({ dataDir: argv.dataDir, rulesDir: argv.rules, logLevel: argv.logLevel });
  const log = createLogger({ level: config.logLevel });
  const db = await openDatabase(config.database);
  try {
    return await fn({ config, db, log });
  } finally {
    await db.close();
  }
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

export function buildCli(args: string[]): Argv<Common> {
  return yargs(args)
    .scriptName('kezek')
    .usage('$0 <command>\n\nThe kindergarten queue of a district education department: import, allocate, register, explain.')
    .option('data-dir', { type: 'string', describe: 'kezek folder for the embedded database (default ./.kezek)', global: true })
    .option('rules', { type: 'string', describe: 'rules folder (default: the shipped rules/)', global: true })
    .option('log-level', { type: 'string', describe: 'JSON log level on stderr (default warn)', global: true })
    .command(
      'import <dir>',
      'load a data folder of NDJSON files (upsert by id); bad lines go to a rejects file',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: 'folder with districts/kindergartens/places/applications.ndjson' })
          .option('rejects', { type: 'string', describe: 'rejects file (default DIR/rejects.ndjson)' }),
      async (argv) => {
        const rules = loadRuleSet(resolveConfig({ rulesDir: argv.rules }).rulesDir);
        await withContext(argv, async ({ db, log }) => {
          const dir = resolve(argv.dir);
          const report = await importFolder(db, dir, {
            rejectsPath: resolve(argv.rejects ?? join(dir, 'rejects.ndjson')),
            actor: 'import',
            rules,
            log,
          });
          print(formatImport(report));
        });
      },
    )
    .command(
      'allocate',
      'run the nightly allocation for a date and write the run folder',
      (y) =>
        y
          .option('date', { type: 'string', demandOption: true, describe: 'allocation date YYYY-MM-DD' })
          .option('out', { type: 'string', demandOption: true, describe: 'run folder to write' })
          .option('district', { type: 'string', array: true, describe: 'only these districts' })
          .option('workers', { type: 'number', default: 1, describe: 'worker threads' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'store nothing' }),
      async (argv) => {
        const date = checkDate(argv.date, '--date');
        if (!Number.isInteger(argv.workers) || argv.workers < 1 || argv.workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
        const rules = loadRuleSet(resolveConfig({ rulesDir: argv.rules }).rulesDir);
        await withContext(argv, async ({ db, log }) => {
          const outDir = resolve(argv.out);
          const summary = await runNightly(
            db,
            { date, outDir, districts: (argv.district ?? []).map(String), workers: argv.workers, dryRun: argv.dryRun, rules },
            log,
          );
          print(formatRun(summary, outDir));
        });
      },
    )
    .command(
      'register <file>',
      'register one application now: validate, store, print its notice',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'an application as JSON (formats.md)' })
          .option('date', { type: 'string', describe: 'date of registration (default today in Kazakhstan)' }),
      async (argv) => {
        const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
        const rules = loadRuleSet(resolveConfig({ rulesDir: argv.rules }).rulesDir);
        await withContext(argv, async ({ db }) => {
          const notice = await registerApplication(db, resolve(argv.file), rules, referenceEvaluator(rules), date, 'register');
          print(formatNotice(notice, date));
        });
      },
    )
    .command(
      'position <id>',
      'the current queue number of an application and who is ahead',
      (y) =>
        y
          .positional('id', { type: 'string', demandOption: true })
          .option('date', { type: 'string', describe: 'date (default today in Kazakhstan)' })
          .option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
      async (argv) => {
        const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
        const rules = loadRuleSet(resolveConfig({ rulesDir: argv.rules }).rulesDir);
        await withContext(argv, async ({ db }) => {
          const p = await positionOf(db, rules, referenceEvaluator(rules), argv.id, date);
          print(argv.json ? JSON.stringify(p) : formatPosition(p, date));
        });
      },
    )
    .command('rules <action> [dir]', 'check the rule files (validate)', (y) =>
      y
        .positional('action', { choices: ['validate'] as const, demandOption: true })
        .positional('dir', { type: 'string', describe: 'rules folder (default: the shipped rules/)' }),
      async (argv) => {
        const dir = resolveConfig({ rulesDir: argv.dir ?? argv.rules }).rulesDir;
        const rules = loadRuleSet(dir);
        print(`Rules in ${dir} are valid: version ${rules.version} from ${rules.effectiveFrom}, hash ${rules.hash.slice(0, 12)}…`);
      },
    )
    .command(
      'demo',
      'generate a synthetic district set, import it into a fresh embedded database and run one nightly allocation',
      (y) =>
        y
          .option('date', { type: 'string', default: '2026-09-01', describe: 'allocation date' })
          .option('applications', { type: 'number', default: 5000 })
          .option('districts', { type: 'number', default: 6 })
          .option('seed', { type: 'number', default: 42 }),
      async (argv) => {
        const date = checkDate(argv.date, '--date');
        const config = resolveConfig({ dataDir: argv.dataDir, rulesDir: argv.rules, logLevel: argv.logLevel });
        await runDemo(config, { date, applications: argv.applications, districts: argv.districts, seed: argv.seed }, print);
      },
    )
    .demandCommand(1, 'name a command')
    .strict()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help()
    .version(false);
}

export async function main(args: string[]): Promise<number> {
  try {
    await buildCli(args).parseAsync();
    return 0;
  } catch (e) {
    if (isKezekError(e)) {
      process.stderr.write(`kezek: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`kezek: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.KEZEK_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return 1;
  }
}


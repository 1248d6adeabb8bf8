import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { debugWanted } from '../config.js';
import { isKezekError, UsageError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { COMMANDS } from './commands/index.js';
import type { Common } from './context.js';
import { HELP_END, withHelpEnd } from './help.js';
import { newOutcome, type Outcome } from './outcome.js';

/** Exit codes (formats.md): 0 done, 1 a run error, 2 bad usage or input, 3 done but a person must look. */
export const EXIT = { done: 0, runError: 1, usage: 2, attention: 3 } as const;

const USAGE = `$0 <command> [options]

The kindergarten queue of a district education department: import the data, allocate the freed
places every night, register and explain applications, follow up what is due.`;

export function buildCli(args: string[], outcome: Outcome = newOutcome()): Argv<Common> {
  return yargs(args)
    .scriptName('kezek')
    .usage(USAGE)
    .option('data-dir', { type: 'string', describe: 'kezek folder for the embedded database (default ./.kezek, or KEZEK_DATA_DIR)', global: true })
    .option('rules', { type: 'string', describe: 'rules folder (default: the shipped rules/)', global: true })
    .option('log-level', { type: 'string', describe: 'JSON log level on stderr (default warn, or KEZEK_LOG_LEVEL)', global: true })
    .option('wait', {
      type: 'number',
      describe: 'seconds to wait for another kezek process to let go of the embedded database (default 5, or KEZEK_WAIT)',
      global: true,
    })
    .middleware((argv) => {
      argv.invocation = invocation(args, argv._);
      (argv as { outcome?: Outcome }).outcome = outcome;
    })
    .command(COMMANDS.map(endingHelp))
    .completion('completion', 'print a shell completion script (bash, zsh): kezek completion >> ~/.bashrc')
    .example('$0 import data/', 'load a data folder (exit 3 when lines were rejected)')
    .example('$0 allocate --date 2026-09-01 --out runs/2026-09-01', "the night's allocation and its run folder")
    .example('$0 due --date 2026-09-02', 'what needs a person today and tomorrow')
    .example('$0 runs list', 'recent runs: done, interrupted, failed')
    .demandCommand(1, 'name a command (kezek --help lists them)')
    .recommendCommands()
    .strict()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(/^Did you mean /.test(msg ?? '') ? `unknown command: ${msg.replace(/^Did you mean/, 'did you mean')}` : msg);
    })
    .epilogue(HELP_END)
    .help()
    .alias('help', 'h')
    .version(version())
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false);
}

/** Examples for the commands whose own module gives none (by the command's first word). */
const FALLBACK_EXAMPLES: Record<string, [string, string][]> = {
  position: [['$0 position APP-0000017 --date 2026-09-01', 'the queue number at that date and who is ahead']],
  explain: [['$0 explain APP-0000017 --lang kk', 'every decision about the application, in Kazakh, for the family']],
  register: [['$0 register application.json', 'validate, store and print the notice (queue number or refusal)']],
  rules: [
    ['$0 rules validate', 'check every rule set and calendar file'],
    ['$0 rules diff --to rules/versions/2027.1 --date 2026-12-01', 'what a rule change does to the current queue'],
  ],
};

/** Each command's own help ends like the main help (environment, exit codes), with an example at least. */
function endingHelp(c: CommandModule<Common, Common>): CommandModule<Common, Common> {
  const builder = c.builder;
  const name = String(Array.isArray(c.command) ? c.command[0] : c.command).split(' ')[0]!;
  return {
    ...c,
    builder: (y: Argv<Common>) => {
      const built = typeof builder === 'function' ? (builder(y) as Argv<Common>) : builder ? y.options(builder) : y;
      if (!hasExamples(built)) for (const [cmd, what] of FALLBACK_EXAMPLES[name] ?? []) built.example(cmd, what);
      return withHelpEnd(built);
    },
  };
}

/** Whether the command's builder gave examples (yargs keeps them in its usage instance). */
function hasExamples(y: Argv<Common>): boolean {
  const usage = (y as unknown as { getInternalMethods?: () => { getUsageInstance(): { getExamples?(): unknown[] } } }).getInternalMethods?.().getUsageInstance();
  return (usage?.getExamples?.().length ?? 0) > 0;
}

/** kezek's version, from its package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * What this process is, for another one that waits for the embedded
 * database: the command's name and the command line as typed (each
 * argument quoted when it needs to be, the whole kept short).
 */
export function invocation(args: readonly string[], positionals: readonly (string | number)[]): { name: string; command: string } {
  const name = String(positionals[0] ?? '');
  const words = ['kezek', ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)))];
  const command = words.join(' ');
  return { name, command: command.length > 300 ? `${command.slice(0, 299)}…` : command };
}

/**
 * Runs the command line and returns the exit code; users never see a stack
 * trace. A command that is done but needs a person (needsAttention) exits 3,
 * with each reason on stderr.
 */
export async function main(args: string[]): Promise<number> {
  const outcome = newOutcome();
  try {
    // No text field can hold a NUL byte (PostgreSQL refuses them): say so instead of failing in the database.
    if (args.some((a) => a.includes('\u0000'))) throw new UsageError('arguments must not contain NUL bytes');
    const cli = buildCli(args, outcome);
    if (args.length === 0) {
      cli.showHelp((s: string) => process.stdout.write(s + '\n'));
      return EXIT.done;
    }
    await cli.parseAsync();
    for (const why of outcome.attention) process.stderr.write(`kezek: attention: ${why}\n`);
    return outcome.attention.length ? EXIT.attention : EXIT.done;
  } catch (e) {
    if (isKezekError(e)) {
      process.stderr.write(`kezek: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`kezek: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    if (debugWanted()) process.stderr.write(`${(e as Error)?.stack}\n`);
    return EXIT.runError;
  }
}

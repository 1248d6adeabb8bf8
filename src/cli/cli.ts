import { debugWanted } from '../config.js';
import yargs, { type Argv } from 'yargs';
import { isKezekError, UsageError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import type { Common } from './context.js';

export function buildCli(args: string[]): Argv<Common> {
  return yargs(args)
    .scriptName('kezek')
    .usage('$0 <command>\n\nThe kindergarten queue of a district education department: import, allocate, register, explain.')
    .option('data-dir', { type: 'string', describe: 'kezek folder for the embedded database (default ./.kezek)', global: true })
    .option('rules', { type: 'string', describe: 'rules folder (default: the shipped rules/)', global: true })
    .option('log-level', { type: 'string', describe: 'JSON log level on stderr (default warn)', global: true })
    .option('wait', {
      type: 'number',
      describe: 'seconds to wait for another kezek process to let go of the embedded database (default 5, or KEZEK_WAIT)',
      global: true,
    })
    .middleware((argv) => {
      argv.invocation = invocation(args, argv._);
    })
    .command(COMMANDS)
    .demandCommand(1, 'name a command')
    .strict()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help()
    .version(false);
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

/** Runs the command line and returns the exit code; users never see a stack trace. */
export async function main(args: string[]): Promise<number> {
  try {
    // No text field can hold a NUL byte (PostgreSQL refuses them): say so instead of failing in the database.
    if (args.some((a) => a.includes('\u0000'))) throw new UsageError('arguments must not contain NUL bytes');
    await buildCli(args).parseAsync();
    return 0;
  } catch (e) {
    if (isKezekError(e)) {
      process.stderr.write(`kezek: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`kezek: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    if (debugWanted()) process.stderr.write(`${(e as Error)?.stack}\n`);
    return 1;
  }
}

import type { Argv } from 'yargs';

/** What every help screen ends with: the environment kezek reads and the exit codes cron acts on. */
export const HELP_END = `Environment:
  DATABASE_URL     a PostgreSQL server (postgres://user@host:5432/db); else the embedded database
  KEZEK_DATA_DIR   kezek's folder, as --data-dir (default ./.kezek)
  KEZEK_LOG_LEVEL  as --log-level (default warn)
  KEZEK_ACTOR      who the audit trail names when --actor is not given (default: the OS user)
  KEZEK_WAIT       as --wait (default 5 seconds)
  NO_COLOR         no colour (colour is only ever used on a terminal)

Exit codes:
  0  done
  1  a run error: nothing was committed, or the message says which districts were (re-run the date)
  2  bad usage or bad input: a file, an argument, a refused transition, a schema that is behind
  3  done, but a person must look: lines rejected at import, complaints overdue, run warnings`;

/** Every command's help ends with the environment and the exit codes. */
export function withHelpEnd<T>(y: Argv<T>): Argv<T> {
  return y.epilogue(HELP_END);
}

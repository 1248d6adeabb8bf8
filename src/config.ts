import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_LOCK_WAIT_MS, type DatabaseConfig, type DatabaseOwner } from './db/database.js';
import { UsageError } from './errors.js';
import { isValidDate } from './domain/dates.js';
import { defaultRulesDir } from './paths.js';

/** Everything a command needs to know about where things are, resolved once. */
export interface KezekConfig {
  /** kezek's own folder: the embedded database lives in `<dataDir>/pgdata`. */
  readonly dataDir: string;
  /** The rules folder in force. */
  readonly rulesDir: string;
  /** pino level for the JSON log on stderr. */
  readonly logLevel: string;
  readonly database: Readonly<DatabaseConfig>;
  /** Who operates when `--actor` is not given: KEZEK_ACTOR (or the older KEZEK_OPERATOR), else the OS user; null when none is known. */
  readonly operator: string | null;
  /** KEZEK_DEBUG: an unexpected error also prints its stack. */
  readonly debug: boolean;
}

export interface ConfigInput {
  dataDir?: string | undefined;
  rulesDir?: string | undefined;
  logLevel?: string | undefined;
  /** Seconds to wait for another process to let go of the embedded database (`--wait`, else KEZEK_WAIT, else 5). */
  wait?: number | undefined;
  /** What this process tells another one waiting for the embedded database (the command being run). */
  owner?: DatabaseOwner | undefined;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Defaults in one table; the environment is read here and nowhere else. */
export function resolveConfig(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): KezekConfig {
  const dataDir = resolve(input.dataDir ?? env.KEZEK_DATA_DIR ?? '.kezek');
  const logLevel = input.logLevel ?? env.KEZEK_LOG_LEVEL ?? 'warn';
  if (!LEVELS.includes(logLevel)) throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const schema = env.KEZEK_SCHEMA?.trim() || undefined;
  const wait = input.wait ?? (env.KEZEK_WAIT?.trim() ? Number(env.KEZEK_WAIT) : DEFAULT_LOCK_WAIT_MS / 1000);
  if (typeof wait !== 'number' || !Number.isFinite(wait) || wait < 0 || wait > 86_400) {
    throw new UsageError('--wait (or KEZEK_WAIT) must be a number of seconds from 0 to 86400');
  }
  return Object.freeze({
    operator: (env.KEZEK_ACTOR ?? env.KEZEK_OPERATOR ?? osUser() ?? env.USER ?? '').trim() || null,
    debug: debugWanted(env),
    dataDir,
    rulesDir: resolve(input.rulesDir ?? defaultRulesDir()),
    logLevel,
    database: Object.freeze({
      databaseUrl,
      dataDir: join(dataDir, 'pgdata'),
      schema,
      lockWaitMs: Math.round(wait * 1000),
      ...(input.owner ? { owner: Object.freeze({ ...input.owner }) } : {}),
    }),
  });
}

/** The OS user's name (from the password database: it does not need $USER, which cron and systemd may not set). */
function osUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    // A uid without a password entry (some containers): the caller falls back to $USER.
    return undefined;
  }
}

/** KEZEK_DEBUG set: also read by the CLI's last-resort error handler, before any config exists. */
export function debugWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.KEZEK_DEBUG);
}

/**
 * Colour on a terminal only, and never with NO_COLOR set to anything
 * (no-color.org): pipes, files and cron mail get plain text.
 */
export function colourWanted(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/** Today in Kazakhstan (UTC+05:00), the default date of the online services. */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

export function checkDate(value: unknown, option: string): string {
  if (!isValidDate(value)) throw new UsageError(`${option} must be a real date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

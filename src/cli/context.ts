import { resolveConfig, type KezekConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import type { Calendar } from '../domain/calendar.js';
import { calendarOfFolder } from '../io/calendar.js';
import { readRulesFolder } from '../io/rules-folder.js';
import { createLogger, type Logger } from '../log.js';
import { RuleLibrary } from '../rules/library.js';

/** Options every command takes. */
export interface Common {
  dataDir?: string | undefined;
  rules?: string | undefined;
  logLevel?: string | undefined;
  wait?: number | undefined;
  /** The command being run, as another process waiting for the embedded database will be told (set by the CLI). */
  invocation?: { name: string; command: string } | undefined;
}

/**
 * What a command works with, made once per command: the config (the only
 * reading of the environment), the rules folder (every rule set and the
 * calendar files, read once; each set checked when first asked for), the
 * working-day calendar and a logger. Everything below the CLI takes these as
 * arguments; nothing there reads the environment or the rules folder itself.
 */
export class CommandContext {
  readonly rules: RuleLibrary;
  private cal: Calendar | undefined;

  constructor(
    readonly config: KezekConfig,
    readonly log: Logger,
  ) {
    this.rules = new RuleLibrary(readRulesFolder(config.rulesDir));
  }

  /** The working-day calendar of the rules folder (RulesError when a calendar file is broken). */
  get calendar(): Calendar {
    return (this.cal ??= calendarOfFolder(this.rules.texts));
  }
}

/** A command's context with its database open. */
export interface Context {
  readonly config: KezekConfig;
  readonly log: Logger;
  readonly rules: RuleLibrary;
  readonly calendar: Calendar;
  readonly db: Database;
}

const made = new WeakMap<object, CommandContext>();

/** The command's context, made on first use and the same for the rest of the command. */
export function contextOf(argv: Common): CommandContext {
  let ctx = made.get(argv);
  if (!ctx) {
    const config = resolveConfig({ dataDir: argv.dataDir, rulesDir: argv.rules, logLevel: argv.logLevel, wait: argv.wait, owner: argv.invocation });
    made.set(argv, (ctx = new CommandContext(config, createLogger({ level: config.logLevel }))));
  }
  return ctx;
}

/** Runs `fn` with the database open (once per command) and always closes it. */
export async function withContext<T>(argv: Common, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = contextOf(argv);
  const db = await openDatabase(ctx.config.database);
  try {
    return await fn({
      config: ctx.config,
      log: ctx.log,
      rules: ctx.rules,
      get calendar() {
        return ctx.calendar;
      },
      db,
    });
  } finally {
    await db.close();
  }
}

export function print(text: string): void {
  process.stdout.write(text + '\n');
}

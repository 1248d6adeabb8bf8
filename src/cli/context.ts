import { resolveConfig, type KezekConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { rewriteNotice } from './format.js';
import type { Calendar } from '../domain/calendar.js';
import { KezekContext } from '../context.js';
import { createLogger, type Logger } from '../log.js';
import type { RuleLibrary } from '../rules/library.js';

export { KezekContext as CommandContext } from '../context.js';

/** Options every command takes. */
export interface Common {
  dataDir?: string | undefined;
  rules?: string | undefined;
  logLevel?: string | undefined;
  wait?: number | undefined;
  /** The command being run, as another process waiting for the embedded database will be told (set by the CLI). */
  invocation?: { name: string; command: string } | undefined;
}

/** A command's context with its database open. */
export interface Context {
  readonly config: KezekConfig;
  readonly log: Logger;
  readonly rules: RuleLibrary;
  readonly calendar: Calendar;
  readonly db: Database;
}

const made = new WeakMap<object, KezekContext>();

/** The command's context, made on first use and the same for the rest of the command. */
export function contextOf(argv: Common): KezekContext {
  let ctx = made.get(argv);
  if (!ctx) {
    const config = resolveConfig({ dataDir: argv.dataDir, rulesDir: argv.rules, logLevel: argv.logLevel, wait: argv.wait, owner: argv.invocation });
    made.set(argv, (ctx = new KezekContext(config, createLogger({ level: config.logLevel }))));
  }
  return ctx;
}

/** Runs `fn` with the database open (once per command) and always closes it. */
export async function withContext<T>(argv: Common, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = contextOf(argv);
  // A server's schema that is behind is refused (kezek db migrate); the embedded one migrates itself.
  const db = await openDatabase(ctx.config.database, { migrations: 'auto', onRewrite: (n) => process.stderr.write(rewriteNotice(n) + '\n') });
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

import { resolveConfig, type KezekConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { createLogger, type Logger } from '../log.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/ruleset.js';
import { loadRuleSetAt } from '../rules/versions.js';

/** Options every command takes. */
export interface Common {
  dataDir?: string | undefined;
  rules?: string | undefined;
  logLevel?: string | undefined;
  wait?: number | undefined;
  /** The command being run, as another process waiting for the embedded database will be told (set by the CLI). */
  invocation?: { name: string; command: string } | undefined;
}

export interface Context {
  config: KezekConfig;
  db: Database;
  log: Logger;
}

export function configOf(argv: Common): KezekConfig {
  return resolveConfig({ dataDir: argv.dataDir, rulesDir: argv.rules, logLevel: argv.logLevel, wait: argv.wait, owner: argv.invocation });
}

/** The rules in force, checked before anything touches the database. */
export function rulesOf(argv: Common): RuleSet {
  return loadRuleSet(configOf(argv).rulesDir);
}

/** The rule set in force at a date (the same choice as `allocate`), checked before anything touches the database. */
export function rulesAt(argv: Common, date: string): RuleSet {
  return loadRuleSetAt(configOf(argv).rulesDir, date);
}

/** Opens what a command needs and always closes the database. */
export async function withContext<T>(argv: Common, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = configOf(argv);
  const log = createLogger({ level: config.logLevel });
  const db = await openDatabase(config.database);
  try {
    return await fn({ config, db, log });
  } finally {
    await db.close();
  }
}

export function print(text: string): void {
  process.stdout.write(text + '\n');
}

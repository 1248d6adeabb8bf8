import type { Argv, CommandModule } from 'yargs';
import type { Database } from '../../db/database.js';
import { appliedMigrations, migrate, pendingMigrations, readMigrations, tableSizes, type TableSize } from '../../db/migrate.js';
import { openDatabase } from '../../db/open.js';
import { contextOf, print, type Common } from '../context.js';
import { bytes, rewriteNotice } from '../format.js';
import { withHelpEnd } from '../help.js';
import { needsAttention } from '../outcome.js';

interface Args extends Common {
  json: boolean;
}

/** The database these commands look at, opened without migrating. */
async function withRawDatabase<T>(argv: Common, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(contextOf(argv).config.database, { migrations: 'none' });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function where(argv: Common): string {
  const { databaseUrl, schema, dataDir } = contextOf(argv).config.database;
  return databaseUrl ? `PostgreSQL server (DATABASE_URL)${schema ? `, schema ${schema}` : ''}` : `embedded database in ${dataDir}`;
}

const sizeText = (t: TableSize) => `${t.table}: ${t.rows === null ? '' : `about ${t.rows.toLocaleString('en-US')} rows, `}${bytes(t.bytes)}`;

const status: CommandModule<Common, Args> = {
  command: 'status',
  describe: 'which migrations the database has and which it lacks, with the tables each pending one rewrites (exit 3 when it is behind)',
  builder: (y) =>
    withHelpEnd(
      y
        .option('json', { type: 'boolean', default: false, describe: 'print {"database", "applied": [...], "pending": [{"version", "name", "rewrites": [{"table", "rows", "bytes"}]}]}' })
        .example('$0 db status', 'is the schema current?'),
    ),
  handler: async (argv) => {
    await withRawDatabase(argv, async (db) => {
      const applied = await appliedMigrations(db);
      const pending = await Promise.all(
        (await pendingMigrations(db)).map(async (m) => ({ version: m.version, name: m.name, rewrites: await tableSizes(db, m.rewrites) })),
      );
      if (argv.json) print(JSON.stringify({ database: where(argv), current: pending.length === 0, applied, pending }, null, 2));
      else {
        print(`${where(argv)}: ${applied.length} migration${applied.length === 1 ? '' : 's'} applied${applied.length ? `, the last ${applied[applied.length - 1]!.name} on ${applied[applied.length - 1]!.appliedAt}` : ''}.`);
        if (!pending.length) print('The schema is current.');
        else {
          print(`${pending.length} pending (run \`kezek db migrate\`, outside the nightly window when one rewrites a large table):`);
          for (const m of pending) print(`  ${m.name}${m.rewrites.length ? `  rewrites ${m.rewrites.map(sizeText).join('; ')}` : ''}`);
        }
      }
      if (pending.length) needsAttention(argv, `the schema is ${pending.length} migration${pending.length === 1 ? '' : 's'} behind: run \`kezek db migrate\``);
    });
  },
};

const apply: CommandModule<Common, Args> = {
  command: 'migrate',
  describe: 'apply the pending migrations (each that rewrites a large table says so, with its size, before it starts)',
  builder: (y) =>
    withHelpEnd(
      y.option('json', { type: 'boolean', default: false, describe: 'print {"applied": [names]}' }).example('$0 db migrate', 'bring the schema up to date (not during a nightly run)'),
    ),
  handler: async (argv) => {
    await withRawDatabase(argv, async (db) => {
      const all = readMigrations();
      const done = await migrate(db, all, { onRewrite: (n) => process.stderr.write(rewriteNotice(n) + '\n') });
      const names = all.filter((m) => done.includes(m.version)).map((m) => m.name);
      if (argv.json) print(JSON.stringify({ applied: names }));
      else print(names.length ? `Applied ${names.join(', ')} to the ${where(argv)}.` : `The schema is current; nothing to apply (${where(argv)}).`);
    });
  },
};

export const dbCommand: CommandModule<Common, Common> = {
  command: 'db <command>',
  describe: "the database's schema: status, migrate",
  builder: (y: Argv<Common>) =>
    y
      .command([status, apply] as unknown as CommandModule<Common, Common>[])
      .demandCommand(1, 'name a db command: status or migrate')
      .example('$0 db status', 'pending migrations')
      .example('$0 db migrate', 'apply them'),
  handler: () => {},
};

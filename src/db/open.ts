import { KezekError } from '../errors.js';
import { DEFAULT_LOCK_WAIT_MS, type Database, type DatabaseConfig } from './database.js';
import { makeEmbeddedFolder, openEmbedded } from './embedded.js';
import { errnoCode, folderErrorFromCode } from './folder-diagnosis.js';
import { lockFolder } from './folder-lock.js';
import { appliedVersions, migrate, readMigrations, type RewriteNotice } from './migrate.js';
import { openPostgres } from './postgres.js';

/**
 * What opening does about migrations not yet applied:
 * - `apply`: applies them (tests, benchmarks, the demo);
 * - `auto`: what a command does: the embedded database applies them (one
 *   process has the folder); on a PostgreSQL server a new schema is created,
 *   and one that is behind is refused (SCHEMA_BEHIND): a migration may lock
 *   large tables, so it is run on purpose (`kezek db migrate`), not by
 *   whichever command comes first, in the middle of the day;
 * - `none`: left as they are (`kezek db status|migrate`).
 */
export type MigrationPolicy = 'apply' | 'auto' | 'none';

export interface OpenOptions {
  migrations?: MigrationPolicy;
  /** Told before a migration rewrites tables that hold data (see migrate). */
  onRewrite?: ((notice: RewriteNotice) => void) | undefined;
}

/** Opens the configured database and brings its schema up to date (see MigrationPolicy). */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  let db: Database;
  try {
    db = config.databaseUrl ? await openPostgres(config.databaseUrl, config.schema, config.maxConnections) : await openEmbeddedDatabase(config);
  } catch (e) {
    if (e instanceof KezekError) throw e;
    const where = config.databaseUrl ? 'the PostgreSQL server (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
    throw new KezekError('DB_FAILED', `cannot open ${where}: ${(e as Error).message}`, {}, { cause: e });
  }
  const policy = options.migrations ?? 'apply';
  if (policy === 'none') return db;
  try {
    if (policy === 'auto' && db.kind === 'postgres') await refuseBehind(db);
    await migrate(db, readMigrations(), { onRewrite: options.onRewrite });
  } catch (e) {
    await db.close().catch(() => {}); // the opening error is what the person must see
    if (e instanceof KezekError) throw e;
    throw new KezekError('DB_FAILED', `cannot migrate the database: ${(e as Error).message}`, {}, { cause: e });
  }
  return db;
}

/** A server schema with migrations applied and some still pending: refused until `kezek db migrate` (a new schema is created). */
async function refuseBehind(db: Database): Promise<void> {
  const done = await appliedVersions(db);
  if (!done) return;
  const pending = readMigrations().filter((m) => !done.has(m.version));
  if (!pending.length) return;
  const n = pending.length;
  throw new KezekError(
    'SCHEMA_BEHIND',
    `schema is ${n} migration${n === 1 ? '' : 's'} behind: run \`kezek db migrate\` (pending: ${pending.map((m) => m.name).join(', ')})`,
    { pending: pending.map((m) => m.name) },
  );
}

/**
 * The embedded database, its folder held by this process alone: the lock is
 * taken before PGlite opens the folder and let go after it is closed.
 * `memory://` needs none.
 */
async function openEmbeddedDatabase(config: DatabaseConfig): Promise<Database> {
  const options = { schema: config.schema, loadDataDir: config.loadDataDir, startTimeoutMs: config.startTimeoutMs };
  if (config.dataDir.startsWith('memory://')) return openEmbedded(config.dataDir, options);
  makeEmbeddedFolder(config.dataDir);
  const lock = await lockFolder(config.dataDir, {
    waitMs: config.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
    owner: config.owner ?? { name: 'kezek', command: 'kezek' },
  }).catch((e: unknown) => {
    // Where the lock is a socket file (not Linux), a read-only or foreign folder fails here.
    throw folderErrorFromCode(config.dataDir, errnoCode(e), e) ?? e;
  });
  let db: Database;
  try {
    db = await openEmbedded(config.dataDir, options);
  } catch (e) {
    await lock.release();
    throw e;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await lock.release();
      }
    },
  };
}

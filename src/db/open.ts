import { KezekError } from '../errors.js';
import { DEFAULT_LOCK_WAIT_MS, type Database, type DatabaseConfig } from './database.js';
import { makeEmbeddedFolder, openEmbedded } from './embedded.js';
import { errnoCode, folderErrorFromCode } from './folder-diagnosis.js';
import { lockFolder } from './folder-lock.js';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres.js';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  try {
    db = config.databaseUrl ? await openPostgres(config.databaseUrl, config.schema, config.maxConnections) : await openEmbeddedDatabase(config);
  } catch (e) {
    if (e instanceof KezekError) throw e;
    const where = config.databaseUrl ? 'the PostgreSQL server (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
    throw new KezekError('DB_FAILED', `cannot open ${where}: ${(e as Error).message}`, {}, { cause: e });
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw new KezekError('DB_FAILED', `cannot migrate the database: ${(e as Error).message}`, {}, { cause: e });
  }
  return db;
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

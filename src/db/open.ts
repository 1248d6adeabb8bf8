import { KezekError } from '../errors.js';
import type { Database, DatabaseConfig } from './database.js';
import { openEmbedded } from './embedded.js';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres.js';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  try {
    db = config.databaseUrl
      ? await openPostgres(config.databaseUrl, config.schema)
      : await openEmbedded(config.dataDir, config.schema, config.loadDataDir);
  } catch (e) {
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

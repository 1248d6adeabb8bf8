import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { quoteIdent } from './database.js';

/** The embedded PostgreSQL (PGlite), persisted in a folder or kept in memory. */
export async function openEmbedded(dataDir: string, schema?: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // A dump of an initialised database skips initdb (tests start from a migrated template).
  const db = loadDataDir ? new PGlite(dataDir, { loadDataDir }) : new PGlite(dataDir);
  await db.waitReady;
  if (schema) {
    await db.exec(`create schema if not exists ${quoteIdent(schema)}; set search_path to ${quoteIdent(schema)}`);
  }
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async copyIn(table: string, columns: readonly string[], text: string | Uint8Array) {
      if (!text.length) return;
      await q.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    async copyOut(sql: string) {
      const result = await q.query(`copy (${sql}) to '/dev/blob'`);
      return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    },
  });
  // PGlite is one connection: transactions must not interleave, so they queue.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    kind: 'embedded',
    ...queryable(db),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = tail.then(() => db.transaction((tx) => fn(queryable(tx))));
      tail = run.catch(() => {});
      return run;
    },
    // One connection, in this process: the session is the database itself.
    session: (fn) => fn(queryable(db)),
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
    async dump() {
      return db.dumpDataDir('none');
    },
  };
}

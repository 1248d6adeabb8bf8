import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, Queryable } from './database.js';
import { quoteIdent } from './database.js';
import { copyChunks } from '../codec/copy.js';
import { connectionError, parseDatabaseUrl } from './server-target.js';

/** How long the first connection may take before the server is declared unreachable. */
const CONNECT_TIMEOUT_MS = 15_000;

/** A PostgreSQL server through a `pg` pool; large reads and writes through COPY (pg-copy-streams). */
export async function openPostgres(url: string, schema?: string, maxConnections = 4): Promise<Database> {
  const target = parseDatabaseUrl(url);
  // One connection first: a server that cannot be used says why here, not in the middle of a migration.
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  admin.on('error', () => {});
  try {
    await admin.connect();
  } catch (e) {
    await admin.end().catch(() => {}); // the failed connect is the error to report; closing it can only fail the same way
    throw connectionError(e, target);
  }
  try {
    if (schema) {
      await admin.query(`create schema if not exists ${quoteIdent(schema)}`).catch((e: { code?: string }) => {
        // Another process created it at the same moment: that is what we wanted.
        if (e.code !== '23505' && e.code !== '42P06') throw e;
      });
    }
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  // An idle client losing its server must not crash the process.
  pool.on('error', () => {});

  async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], text: string | Uint8Array): Promise<void> {
    if (!text.length) return;
    const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    await pipeline(Readable.from(copyChunks(text)), sink);
  }

  async function copyOutOf(client: pg.PoolClient, sql: string): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of client.query(copyTo(`copy (${sql}) to stdout`))) pieces.push(piece as Buffer);
    return Buffer.concat(pieces);
  }

  const onClient = (client: pg.PoolClient): Queryable => ({
    copyIn: (table, columns, text) => copyInto(client, table, columns, text),
    copyOut: (sql) => copyOutOf(client, sql),
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, params as unknown[])).rows as R[];
    },
  });

  return {
    kind: 'postgres',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as R[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(onClient(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => {}); // a broken connection rolls back by itself; the first error is the one to report
        throw e;
      } finally {
        client.release();
      }
    },
    async session<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        return await fn(onClient(client));
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async copyIn(table, columns, text) {
      const client = await pool.connect();
      try {
        await copyInto(client, table, columns, text);
      } finally {
        client.release();
      }
    },
    async copyOut(sql) {
      const client = await pool.connect();
      try {
        return await copyOutOf(client, sql);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { tempDir } from './run-helpers.js';

/**
 * kezek homes (`--data-dir`) with an embedded database folder in `pgdata`,
 * made from the migrated template of the test run instead of initdb.
 */
export const pgdata = (home: string): string => join(home, 'pgdata');

/** A new home whose database is migrated and empty; `fill` may load it before it is closed. */
export async function newHome(fill?: (db: Database) => Promise<void>, home = tempDir('kezek-home-')): Promise<string> {
  const db = await openDatabase({ dataDir: pgdata(home), loadDataDir: new Blob([readFileSync(inject('embeddedTemplate'))]) });
  try {
    await fill?.(db);
  } finally {
    await db.close();
  }
  return home;
}

/** A copy of a home (modes kept), for a test that changes or breaks it. */
export function copyHome(home: string, to = tempDir('kezek-home-')): string {
  cpSync(home, to, { recursive: true });
  return to;
}

/** Opens a home's existing database for `fn`, and closes it. */
export async function inHome<T>(home: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: pgdata(home), lockWaitMs: 0 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

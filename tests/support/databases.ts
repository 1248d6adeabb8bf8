import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';

export type Backend = 'embedded' | 'postgres';
export const BACKENDS: readonly Backend[] = ['embedded', 'postgres'];

/** The real server of this machine (CI starts it); override with KEZEK_TEST_DATABASE_URL. */
export const POSTGRES_URL = process.env.KEZEK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let template: Blob | undefined;
function embeddedTemplate(): Blob {
  return (template ??= new Blob([readFileSync(inject('embeddedTemplate'))]));
}

export function newSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** A fresh, migrated database of the given kind: PGlite from the template, or a new schema on the server. */
export async function openTestDatabase(backend: Backend, schema = newSchemaName()): Promise<{ db: Database; schema: string }> {
  if (backend === 'embedded') return { db: await openDatabase({ dataDir: 'memory://', loadDataDir: embeddedTemplate() }), schema };
  return { db: await openDatabase({ databaseUrl: POSTGRES_URL, dataDir: '', schema }), schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Gives each test its own database; a server schema is dropped when the
 * test passes and kept (its name logged) when it fails, for inspection.
 */
export function useDatabase(backend: Backend): (() => Database) & { schema(): string } {
  let current: { db: Database; schema: string } | undefined;
  beforeEach(async () => {
    current = await openTestDatabase(backend);
  });
  afterEach(async (ctx) => {
    if (!current) return;
    await current.db.close();
    if (backend === 'postgres') {
      if (ctx.task.result?.state === 'fail') console.error(`kept schema ${current.schema} of the failed test for inspection`);
      else await dropSchema(current.schema);
    }
    current = undefined;
  });
  const get = () => {
    if (!current) throw new Error('no test database open');
    return current;
  };
  return Object.assign(() => get().db, { schema: () => get().schema });
}

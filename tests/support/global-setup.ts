import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../../src/db/open.js';
import { POSTGRES_URL } from './databases.js';

/**
 * Once per test run: an embedded database with the schema migrated, dumped to
 * a file, so each test's embedded database loads it instead of running initdb.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(tmpdir(), `kezek-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase({ dataDir: 'memory://' });
  const dump = await db.dump!();
  await db.close();
  const path = join(dir, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('embeddedTemplate', path);
  await vacuumCatalog();
}

/**
 * Every PostgreSQL test makes and drops a schema of its own: tens of thousands
 * of catalog rows a run. Where the server's autovacuum is off (as on this
 * project's machines) they stay dead in pg_attribute and pg_class, and every
 * later run's DDL walks them (430,000 dead rows in pg_attribute after a day
 * of runs here). Vacuumed once here; a server that cannot be
 * reached is the tests' business, not this housekeeping's.
 */
async function vacuumCatalog(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query('vacuum pg_catalog.pg_attribute, pg_catalog.pg_class, pg_catalog.pg_depend, pg_catalog.pg_type, pg_catalog.pg_index, pg_catalog.pg_constraint, pg_catalog.pg_attrdef, pg_catalog.pg_namespace');
  } catch {
    // No server, or no right to vacuum: the run goes on as it would have.
  } finally {
    await client.end().catch(() => {}); // closing a connection that never opened
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}

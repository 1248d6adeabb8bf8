import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths.js';
import type { Database, Queryable } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Versioned SQL files `NNN_name.sql`, in version order. */
export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, and
 * records them. An advisory lock keeps two processes from migrating at once.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    // The lock first: two processes opening a fresh database must not both create the table.
    await tx.query(`select pg_advisory_xact_lock(7349215)`);
    await tx.query(`create table if not exists schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      // Statements are separated by blank-line-free `;` endings; the files hold no functions.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations(version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
  });
  return applied;
}

/**
 * The migrations not yet applied to this database (in version order): empty
 * when its schema is current. Reads only; a database never migrated has them all.
 */
export async function pendingMigrations(db: Queryable, migrations = readMigrations()): Promise<Migration[]> {
  const [exists] = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!exists?.t) return migrations;
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version));
}

/** Splits a migration on `;` at line ends, dropping comment-only pieces. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths.js';
import type { Database, Queryable } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Tables the migration rewrites or re-indexes, locking them until it
   * commits (its `-- rewrites: a, b` header line): said before it starts,
   * with their sizes, so a large database is upgraded outside the nightly window.
   */
  rewrites: string[];
}

/** Versioned SQL files `NNN_name.sql`, in version order. */
export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { version: Number(f.slice(0, 3)), name: f, sql, rewrites: rewritesOf(sql) };
    });
}

/** The tables a migration's `-- rewrites: a, b` header names. */
export function rewritesOf(sql: string): string[] {
  const m = /^--\s*rewrites:\s*(.+)$/m.exec(sql);
  return m ? m[1]!.split(',').map((t) => t.trim()).filter((t) => /^[a-z_][a-z0-9_]*$/.test(t)) : [];
}

/** A table's size as the catalog has it (rows are the planner's estimate, without a scan). */
export interface TableSize {
  table: string;
  /** Estimated rows (null before the table was first analysed). */
  rows: number | null;
  /** The table with its indexes and TOAST. */
  bytes: number;
  /** No row was ever stored in it (its heap has no page). */
  empty: boolean;
}

/** What a migration about to run will lock: its tables that hold data. */
export interface RewriteNotice {
  migration: string;
  tables: TableSize[];
}

export interface MigrateOptions {
  /** Told before a migration that rewrites tables holding data starts. */
  onRewrite?: ((notice: RewriteNotice) => void) | undefined;
}

/**
 * Applies the migrations not yet recorded, in one transaction, and records
 * them. An advisory lock keeps two processes from migrating at once.
 */
export async function migrate(db: Database, migrations = readMigrations(), options: MigrateOptions = {}): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    // The lock first: two processes opening a fresh database must not both create the table.
    await tx.query(`select pg_advisory_xact_lock(7349215)`);
    await tx.query(`create table if not exists schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      if (m.rewrites.length && options.onRewrite) {
        // A fresh database is not worth a word: only tables that hold data are locked for long.
        const tables = (await tableSizes(tx, m.rewrites)).filter((t) => !t.empty);
        if (tables.length) options.onRewrite({ migration: m.name, tables });
      }
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
  const done = await appliedVersions(db);
  return done ? migrations.filter((m) => !done.has(m.version)) : migrations;
}

/** The versions recorded in schema_migrations, or null when the database was never migrated. */
export async function appliedVersions(db: Queryable): Promise<Set<number> | null> {
  const [exists] = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!exists?.t) return null;
  return new Set((await db.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
}

/** The applied migrations as recorded, oldest first. */
export async function appliedMigrations(db: Queryable): Promise<{ version: number; name: string; appliedAt: string }[]> {
  if (!(await appliedVersions(db))) return [];
  return (
    await db.query<{ version: number; name: string; applied_at: string }>(
      `select version, name, to_char(applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as applied_at from schema_migrations order by version`,
    )
  ).map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at }));
}

/** Sizes of the tables that exist among `tables` (in the schema in use). */
export async function tableSizes(db: Queryable, tables: readonly string[]): Promise<TableSize[]> {
  if (!tables.length) return [];
  const rows = await db.query<{ table: string; rows: number; bytes: number; empty: boolean }>(
    `select t.name as "table", c.reltuples::float8 as rows, pg_total_relation_size(c.oid)::float8 as bytes, pg_relation_size(c.oid) = 0 as empty
       from unnest($1::text[]) with ordinality as t(name, n) join pg_class c on c.oid = to_regclass(t.name)
      order by t.n`,
    [tables],
  );
  return rows.map((r) => ({ table: r.table, rows: r.rows < 0 ? null : Math.round(r.rows), bytes: Number(r.bytes), empty: r.empty }));
}

/** Splits a migration on `;` at line ends, dropping comment-only pieces. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

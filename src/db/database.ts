import { KezekError, UsageError } from '../errors.js';

/**
 * The one interface the rest of kezek uses for storage. Two implementations
 * share the same SQL: a PostgreSQL server through `pg` and the embedded
 * PGlite. Dates are selected as text (`::text`) so both return strings.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Writes many rows with COPY; `text` is in COPY text format (see copy.ts), as a string or as UTF-8 bytes. */
  copyIn(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void>;
  /**
   * Reads a query's rows with COPY … TO, in COPY text format (see copy.ts):
   * the fastest large read on both. COPY takes no parameters: put values in
   * with `quoteLiteral`.
   */
  copyOut(sql: string): Promise<Buffer>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'embedded';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one connection held for its whole duration (for session-level locks). */
  session<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Several statements at once, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: the whole data folder as a tarball (a template for tests). */
  dump?(): Promise<Blob | File>;
}

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database (`./.kezek/db` by default); `memory://` keeps it in memory. */
  dataDir: string;
  /** A schema to work in (tests give each its own); created when missing. */
  schema?: string | undefined;
  /** Embedded only: start from this dump of a data folder instead of initdb. */
  loadDataDir?: Blob | undefined;
  /**
   * Embedded folder only: how long to wait for another process to let go of
   * the folder before giving up with DATABASE_BUSY (milliseconds; default 5000).
   */
  lockWaitMs?: number | undefined;
  /** Embedded folder only: what this process tells another one that waits for the folder. */
  owner?: DatabaseOwner | undefined;
  /** Embedded only: how long PGlite may take to start before the folder is declared unusable (milliseconds; default 120 000). */
  startTimeoutMs?: number | undefined;
  /** PostgreSQL only: the pool's size (default 4; `kezek serve` takes more, for requests in flight). */
  maxConnections?: number | undefined;
}

/** Who holds an embedded folder, as a waiting process will be told (with the pid and since). */
export interface DatabaseOwner {
  /** The command's name: `allocate`, `register`, `serve`, … */
  name: string;
  /** The command line, e.g. `kezek allocate --date 2026-09-01`. */
  command: string;
  /** Where a long-running holder (`kezek serve`) can be used instead of the folder. */
  url?: string | undefined;
}

/** How long a command waits for another process to let go of an embedded folder, unless told (--wait, KEZEK_WAIT). */
export const DEFAULT_LOCK_WAIT_MS = 5000;

/** Quotes a text value for SQL (standard_conforming_strings, on by default since PostgreSQL 9.1). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new KezekError('INPUT_INVALID', 'a text value cannot hold NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (schema names come from config, never from data). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new UsageError(`invalid schema name: ${name} (lower-case letters, digits and _)`);
  return `"${name}"`;
}

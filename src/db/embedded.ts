import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseOpenError } from '../errors.js';
import type { Database, Queryable } from './database.js';
import { quoteIdent } from './database.js';
import { diagnoseFolder, errnoCode, failureInUse, folderErrorFromCode, openError } from './folder-diagnosis.js';
import { makeFolder, makePrivate } from './folder-modes.js';

export interface EmbeddedOptions {
  /** A schema to work in, created when missing. */
  schema?: string | undefined;
  /** A dump of an initialised database: skips initdb (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  /** How long PGlite may take to start before the folder is declared unusable (default 120 s). */
  startTimeoutMs?: number | undefined;
}

/** PostgreSQL's stderr lines kept for a diagnosis: the last words are what matter. */
const LOG_LINES_KEPT = 40;

/**
 * The embedded PostgreSQL (PGlite), persisted in a folder or kept in memory
 * (`memory://`). The caller holds the folder's lock (folder-lock.ts).
 */
export async function openEmbedded(dataDir: string, o: EmbeddedOptions = {}): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) prepareFolder(dataDir);
  // PostgreSQL's own messages (a FATAL or PANIC line says why it did not start) go to stderr, not to the user.
  const log: string[] = [];
  const onStderr = (line: string) => {
    if (log.push(line) > LOG_LINES_KEPT) log.shift();
    return true;
  };
  let db: PGlite | undefined;
  try {
    // A new folder is made in a process of its own (see initialise).
    if (!inMemory && !o.loadDataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, onStderr, o.startTimeoutMs ?? 120_000);
    db = new PGlite(dataDir, { onStderr, ...(o.loadDataDir ? { loadDataDir: o.loadDataDir } : {}) });
    await started(db, o.startTimeoutMs ?? 120_000, dataDir);
    // What initdb or the start made (0666) becomes private at once, not only at close.
    if (!inMemory) makePrivate(dataDir);
  } catch (e) {
    if (db && !db.closed) void db.close().catch(() => {}); // the start's error is the one reported
    if (inMemory || e instanceof DatabaseOpenError) throw e;
    throw diagnoseFolder(dataDir, e, log);
  }
  if (o.schema) {
    await db.exec(`create schema if not exists ${quoteIdent(o.schema)}; set search_path to ${quoteIdent(o.schema)}`);
  }
  // COPY bytes go to PGlite through one buffer kept for the database's life (see BytesBlob).
  const staging = new (ArrayBuffer as unknown as ResizableArrayBufferConstructor)(0, { maxByteLength: STAGING_MAX_BYTES });
  let stagingBusy = false;
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return result.rows;
    },
    async copyIn(table: string, columns: readonly string[], text: string | Uint8Array) {
      if (!text.length) return;
      const sql = `copy ${table} (${columns.join(', ')}) from '/dev/blob'`;
      if (typeof text === 'string' || text.length > STAGING_MAX_BYTES || stagingBusy) {
        await q.query(sql, [], { blob: new Blob([text]) });
        return;
      }
      stagingBusy = true;
      try {
        staging.resize(text.length);
        new Uint8Array(staging).set(text);
        await q.query(sql, [], { blob: new BytesBlob(staging) });
      } finally {
        stagingBusy = false;
      }
    },
    async copyOut(sql: string) {
      const result = await q.query(`copy (${sql}) to '/dev/blob'`);
      return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    },
  });
  // A full disk or PostgreSQL stopping (a PANIC aborts PGlite) is said plainly, with the folder.
  let stopped = false;
  const plain = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (e) {
      const said = failureInUse(dataDir, e, log);
      if (said !== e) stopped = true;
      throw said;
    }
  };
  const top = queryable(db);
  // PGlite is one connection: transactions must not interleave, so they queue.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    kind: 'embedded',
    query: (sql, params) => plain(top.query(sql, params)),
    copyIn: (table, columns, text) => plain(top.copyIn(table, columns, text)),
    copyOut: (sql) => plain(top.copyOut(sql)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = plain(tail.then(() => db.transaction((tx) => fn(queryable(tx)))));
      tail = run.catch(() => {}); // the queue only orders; the caller gets this transaction's error from `run`
      return run;
    },
    // One connection, in this process: the session is the database itself.
    session: (fn) => plain(fn(top)),
    async exec(sql: string) {
      await plain(db.exec(sql));
    },
    async close() {
      try {
        await db.close();
      } catch (e) {
        // After PostgreSQL stopped, closing fails too; the first error is the one to report.
        if (!stopped) throw e;
      }
      // What PGlite made while open (0666) becomes private too.
      if (!inMemory) makePrivate(dataDir);
    },
    async dump() {
      return db.dumpDataDir('none');
    },
  };
}

/**
 * A new folder: PostgreSQL's initdb runs in a process of its own, and the folder is then
 * opened as an existing one. PGlite opening an empty folder keeps what its initdb used (a
 * second PostgreSQL instance, the initdb program, their copies of the file bundle: about
 * 450 MB) reachable for as long as it stays open, and closed in this process the memory is
 * given back only when the garbage collector gets to it (closed and opened again: 956 MB
 * before anything was imported). The import process now starts at about 300 MB instead of
 * 790 MB; the child peaks at 830-920 MB on its own and is gone before the import starts. A
 * folder that exists already (or a dump to load) skips all this. The child's PostgreSQL
 * lines go to `onStderr`; its failure comes back as the error PGlite threw (name, message,
 * errno), for the folder's diagnosis.
 */
async function initialise(dataDir: string, onStderr: (line: string) => boolean, timeoutMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--input-type=commonjs', '-e', INITDB_CHILD, require.resolve('@electric-sql/pglite'), dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let failure: { name?: string; message?: string; code?: string; errno?: number } | undefined;
  let rest = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(FAILURE_MARK)) failure = JSON.parse(line.slice(FAILURE_MARK.length)) as typeof failure;
      else onStderr(line);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<number | 'timeout'>((resolve, reject) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  }).finally(() => clearTimeout(timer));
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    throw openError(dataDir, 'start_timeout', `PGlite did not start within ${Number((timeoutMs / 1000).toFixed(1))} s; the folder may be damaged`);
  }
  if (rest && !rest.startsWith(FAILURE_MARK)) onStderr(rest);
  if (outcome !== 0) {
    throw Object.assign(new Error(failure?.message ?? `PGlite's initdb exited with ${outcome}`), {
      ...(failure?.name ? { name: failure.name } : {}),
      ...(failure?.code !== undefined ? { code: failure.code } : {}),
      ...(failure?.errno !== undefined ? { errno: failure.errno } : {}),
    });
  }
}

const require = createRequire(import.meta.url);
const FAILURE_MARK = 'KEZEK_INITDB_FAILED ';
/** The child: PGlite opened on the empty folder (its initdb runs) and closed; a failure as one marked line. */
const INITDB_CHILD = `
const { PGlite } = require(process.argv[1]);
const db = new PGlite(process.argv[2], { onStderr: (line) => { process.stderr.write(line + '\\n'); return true; } });
db.waitReady.then(() => db.close()).then(
  () => process.exit(0),
  (e) => {
    const f = { name: e && e.name, message: e && e.message, code: e && typeof e.code === 'string' ? e.code : undefined, errno: e && typeof e.errno === 'number' ? e.errno : undefined };
    process.stderr.write('\\n${FAILURE_MARK}' + JSON.stringify(f) + '\\n', () => process.exit(1));
  },
);
`;

/** A resizable ArrayBuffer (ES2024; Node 20 has it, the compiler's library here does not). */
type ResizableArrayBuffer = ArrayBuffer & { resize(byteLength: number): void };
type ResizableArrayBufferConstructor = new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** The largest COPY that goes through the kept buffer (a larger one, or text, goes as a Blob of its own). */
const STAGING_MAX_BYTES = 64 << 20;

/**
 * A COPY's bytes for PGlite without the two copies a Blob costs (the Blob's, then the
 * ArrayBuffer PGlite asks it for, its only use of the Blob): the kept buffer, resized to the
 * bytes. Each batch's copies were garbage that the collector let pile up while lines were
 * read (2,000,000 applications: up to 450 MB of ArrayBuffers, peak RSS 1.8 GB).
 */
class BytesBlob extends Blob {
  constructor(private readonly buffer: ArrayBuffer) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.buffer);
  }
}

/** Makes the folder if needed (0700) and its contents private (files 0600) before PGlite touches them. */
function prepareFolder(dataDir: string): void {
  makeEmbeddedFolder(dataDir);
  try {
    makePrivate(dataDir);
  } catch (e) {
    throw folderErrorFromCode(dataDir, errnoCode(e), e) ?? openError(dataDir, 'damaged', `it cannot be prepared: ${(e as Error).message}`, e);
  }
}

/** Makes the folder (0700) when it is missing, so that it can be locked; says why when it cannot. */
export function makeEmbeddedFolder(dataDir: string): void {
  try {
    makeFolder(dataDir);
  } catch (e) {
    throw folderErrorFromCode(dataDir, errnoCode(e), e) ?? openError(dataDir, 'damaged', `it cannot be prepared: ${(e as Error).message}`, e);
  }
}

/**
 * Waits for PGlite to start, at most `timeoutMs`. Its start runs in
 * WebAssembly without yielding, so the timer is a bound on the waits in
 * between (a start that never finishes), not an interruption of PostgreSQL.
 */
export async function started(db: Pick<PGlite, 'waitReady' | 'ready'>, timeoutMs: number, dataDir: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([db.waitReady.then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout' && !db.ready) {
      throw openError(dataDir, 'start_timeout', `PGlite did not start within ${Number((timeoutMs / 1000).toFixed(1))} s; the folder may be damaged`);
    }
  } finally {
    clearTimeout(timer);
  }
}

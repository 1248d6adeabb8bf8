/**
 * Why an embedded database folder cannot be opened, in words a person can
 * act on. PGlite itself says little ("PGlite failed to initialize
 * properly", "Aborted()", an errno without a message), so this looks for
 * itself: can a file be written there, is there room, is
 * `global/pg_control` whole; then it reads PostgreSQL's last words (its
 * FATAL or PANIC line, captured from PGlite's stderr).
 */
import { closeSync, existsSync, openSync, readFileSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseOpenError, KezekError, type OpenFailure } from '../errors.js';
import { pgControlProblem } from './pg-control.js';

/** Less free space than one WAL segment: PostgreSQL cannot be expected to start. */
const LOW_SPACE_BYTES = 16 * 1024 * 1024;

/** The errno numbers of PGlite's (Emscripten's) file system that say more than "failed". */
const EMSCRIPTEN_ERRNO: Record<number, string> = { 2: 'EACCES', 63: 'EPERM', 51: 'ENOSPC', 19: 'EDQUOT', 69: 'EROFS', 29: 'EIO', 54: 'ENOTDIR' };

/** A Node or Emscripten file system error's code (EACCES, ENOSPC, …), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; errno?: unknown; name?: unknown } | undefined;
  if (typeof err?.code === 'string') return err.code;
  if (err?.name === 'ErrnoError' && typeof err.errno === 'number') return EMSCRIPTEN_ERRNO[err.errno];
  return undefined;
}

/** The error for a file system error code met while preparing or opening the folder, if the code says why. */
export function folderErrorFromCode(folder: string, code: string | undefined, e?: unknown): DatabaseOpenError | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return openError(folder, 'permission_denied', 'permission denied: the folder or its files are not writable by this user', e);
    case 'EROFS':
      return openError(folder, 'read_only', 'it is on a read-only file system', e);
    case 'ENOSPC':
    case 'EDQUOT':
      return openError(folder, 'disk_full', `the disk is full (${freeSpace(folder)})`, e);
    case 'ENOTDIR':
    case 'EEXIST':
      return openError(folder, 'damaged', 'the path is a file, not a folder', e);
    case 'EIO':
      return openError(folder, 'damaged', 'the disk reports an input/output error', e);
    default:
      return undefined;
  }
}

/**
 * The reason PGlite could not start in `folder`: `error` is what it threw,
 * `postgresLog` its captured stderr lines (the last ones suffice).
 */
export function diagnoseFolder(folder: string, error: unknown, postgresLog: readonly string[]): DatabaseOpenError {
  const probe = probeWrite(folder);
  const fromProbe = folderErrorFromCode(folder, probe, error);
  if (fromProbe) return fromProbe;
  const free = freeBytes(folder);
  if (free !== undefined && free < LOW_SPACE_BYTES) return openError(folder, 'disk_full', `the disk is full (${freeSpace(folder)})`, error);
  const control = controlFileProblem(folder);
  if (control) return openError(folder, 'damaged', `it is damaged: global/pg_control ${control}; restore the folder from a backup`, error);
  const said = postgresSaid(postgresLog);
  if (said) {
    if (/No space left on device|Disk quota exceeded/i.test(said)) return openError(folder, 'disk_full', `the disk is full (${freeSpace(folder)}): PostgreSQL says "${said}"`, error);
    if (/Read-only file system/i.test(said)) return openError(folder, 'read_only', `it is on a read-only file system: PostgreSQL says "${said}"`, error);
    if (/Permission denied/i.test(said)) return openError(folder, 'permission_denied', `permission denied: PostgreSQL says "${said}"`, error);
    return openError(folder, 'damaged', `it is damaged: PostgreSQL says "${said}"; restore the folder from a backup`, error);
  }
  const fromErrno = folderErrorFromCode(folder, errnoCode(error), error);
  if (fromErrno) return fromErrno;
  const message = (error as Error | undefined)?.message || String(error);
  return openError(folder, 'damaged', `PGlite could not start it (${message}); the folder may be damaged`, error);
}

/**
 * An error met while the embedded database is open, said plainly when it is
 * the disk filling up or PostgreSQL stopping (a PANIC aborts PGlite); any
 * other error is returned as it is.
 */
export function failureInUse(folder: string, e: unknown, postgresLog: readonly string[]): unknown {
  if (e instanceof KezekError) return e;
  const err = e as { code?: unknown; message?: unknown; name?: unknown } | undefined;
  const message = typeof err?.message === 'string' ? err.message : '';
  const where = folder.startsWith('memory://') ? 'the embedded database (in memory)' : `the embedded database in ${folder}`;
  const aborted = err?.name === 'RuntimeError' || /^Aborted\(\)/.test(message);
  const said = aborted ? postgresSaid(postgresLog) : undefined;
  if (err?.code === '53100' || /No space left on device|Disk quota exceeded/i.test(`${message} ${said ?? ''}`)) {
    return new KezekError('DB_FAILED', `${where} ran out of disk space (${freeSpace(folder)}): ${said ?? message}`, { folder, reason: 'disk_full' }, { cause: e });
  }
  if (aborted) {
    return new KezekError('DB_FAILED', `${where} stopped: ${said ? `PostgreSQL says "${said}"` : message}`, { folder, reason: 'stopped' }, { cause: e });
  }
  return e;
}

export function openError(folder: string, reason: OpenFailure, why: string, cause?: unknown): DatabaseOpenError {
  return new DatabaseOpenError(reason, `cannot open the embedded database in ${folder}: ${why}`, { folder }, { cause });
}

/** Writes and removes a page-sized file: the error code when that fails (EROFS, EACCES, ENOSPC, …). */
function probeWrite(folder: string): string | undefined {
  const path = join(folder, `.kezek-probe-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', 0o600);
    writeSync(fd, Buffer.alloc(8192));
    return undefined;
  } catch (e) {
    return errnoCode(e) ?? 'EIO';
  } finally {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // It was never made.
    }
  }
}

function controlFileProblem(folder: string): string | undefined {
  // A folder without PG_VERSION was never initialised: nothing to judge.
  if (!existsSync(join(folder, 'PG_VERSION'))) return undefined;
  const path = join(folder, 'global', 'pg_control');
  if (!existsSync(path)) return 'is missing';
  try {
    return pgControlProblem(readFileSync(path));
  } catch (e) {
    return `cannot be read (${errnoCode(e) ?? (e as Error).message})`;
  }
}

/** PostgreSQL's last FATAL or PANIC line, with its DETAIL when there is one. */
export function postgresSaid(lines: readonly string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /\b(?:FATAL|PANIC):\s+(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const detail = /\bDETAIL:\s+(.*)$/.exec(lines[i + 1] ?? '');
    return detail ? `${m[1]!.trim()} (${detail[1]!.trim()})` : m[1]!.trim();
  }
  return undefined;
}

function freeBytes(folder: string): number | undefined {
  try {
    const s = statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

function freeSpace(folder: string): string {
  if (folder.startsWith('memory://')) return 'in memory';
  const free = freeBytes(folder);
  if (free === undefined) return 'free space unknown';
  return `${free < 1024 * 1024 ? `${Math.floor(free / 1024)} KiB` : `${(free / 1024 / 1024).toFixed(1)} MiB`} free on its file system`;
}

/**
 * One process at a time in an embedded database folder: PGlite has no lock
 * of its own, and two processes writing one folder corrupt it.
 *
 * The lock is a Unix socket the holder listens on. On Linux it lives in the
 * abstract namespace (no file): `listen()` is atomic (EADDRINUSE when held)
 * and the kernel frees the name when the process ends, however it ends
 * (kill -9 included), so a lock can never be left behind. On Windows a named
 * pipe behaves the same. Elsewhere (macOS, BSD) it is a socket file in the
 * folder; a dead holder's file is found by a refused connection and removed,
 * and two waiters removing it at the same instant could both go on: that race
 * exists only there.
 *
 * The holder answers each connection with one JSON line (FolderHolder), so a
 * process that waits in vain can say who holds the folder. PGlite runs in
 * the holder's main thread without yielding for seconds at a time, so the
 * holder also leaves the same line in `kezek-holder.json` in the folder
 * while it holds it, and a waiter whose question goes unanswered reads that.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { DatabaseBusyError, type FolderHolder } from '../errors.js';

export interface FolderLockOptions {
  /** How long to wait for the holder to let go, in milliseconds (0: try once). */
  waitMs: number;
  /** What this process tells a waiter about itself (pid and since are filled in). */
  owner: Pick<FolderHolder, 'name' | 'command' | 'url'>;
}

export interface FolderLock {
  readonly folder: string;
  readonly holder: FolderHolder;
  /** Lets go of the folder; the next waiter gets it at once. */
  release(): Promise<void>;
}

/** How often a waiter tries again. */
const RETRY_MS = 100;
/** How long a waiter gives the holder to say who it is before reading its file. */
const ASK_MS = 500;
/** The holder's line, for waiters when its event loop is busy. */
export const HOLDER_FILE = 'kezek-holder.json';

/**
 * The socket address of a folder. It is derived from the folder's device and
 * inode, not its path, so the same folder reached through a symlink, another
 * relative path or a bind mount gets the same lock (the folder must exist).
 */
export function lockAddress(folder: string, platform: NodeJS.Platform = process.platform): string {
  const st = statSync(folder);
  const id = createHash('sha256').update(`kezek-folder:${st.dev}:${st.ino}`).digest('hex').slice(0, 32);
  if (platform === 'linux') return `\0kezek-${id}`;
  if (platform === 'win32') return `\\\\?\\pipe\\kezek-${id}`;
  return join(folder, '.kezek.lock');
}

/** Takes the folder, waiting up to `waitMs` for its holder; throws DatabaseBusyError naming the holder. */
export async function lockFolder(folder: string, o: FolderLockOptions): Promise<FolderLock> {
  const address = lockAddress(folder);
  const deadline = Date.now() + o.waitMs;
  let lastTry = false;
  let staleRemoved = 0;
  for (;;) {
    const holder: FolderHolder = Object.freeze({ pid: process.pid, ...o.owner, since: new Date().toISOString() });
    const server = await tryListen(address, holder);
    if (server) {
      writeHolderFile(folder, holder);
      return { folder, holder, release: () => stopListening(server, address, folder) };
    }
    if (isSocketFile(address) && staleRemoved < 3 && (await askHolder(address, ASK_MS)) === 'gone') {
      staleRemoved++;
      removeFile(address);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const holder = await whoHolds(address, folder);
      // Nobody answered: it may have let go while we asked. One more try.
      if (!holder && !lastTry) {
        lastTry = true;
        continue;
      }
      throw new DatabaseBusyError(folder, holder, o.waitMs);
    }
    await new Promise((r) => setTimeout(r, Math.min(RETRY_MS, left)));
  }
}

/** Who holds the folder now, if anyone says so (undefined when it is free or the holder cannot be named). */
export function folderHolder(folder: string): Promise<FolderHolder | undefined> {
  return whoHolds(lockAddress(folder), folder);
}

/** The holder's own answer, else (its event loop busy) the line it left in the folder. */
async function whoHolds(address: string, folder: string): Promise<FolderHolder | undefined> {
  const answer = await askHolder(address, ASK_MS);
  if (typeof answer === 'object') return answer;
  return answer === 'unknown' ? readHolderFile(folder) : undefined;
}

/** Best effort: a folder that cannot be written is reported when PGlite opens it. */
function writeHolderFile(folder: string, holder: FolderHolder): void {
  try {
    writeFileSync(join(folder, HOLDER_FILE), JSON.stringify(holder) + '\n', { mode: 0o600 });
  } catch {
    // Waiters will only lack the name.
  }
}

function readHolderFile(folder: string): FolderHolder | undefined {
  try {
    const answer = parseHolder(readFileSync(join(folder, HOLDER_FILE), 'utf8').trim());
    return typeof answer === 'object' ? answer : undefined;
  } catch {
    return undefined;
  }
}

function isSocketFile(address: string): boolean {
  return !address.startsWith('\0') && !address.startsWith('\\\\');
}

function tryListen(address: string, holder: FolderHolder): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      socket.on('error', () => {});
      socket.unref();
      socket.end(JSON.stringify(holder) + '\n');
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') resolve(undefined);
      else reject(e);
    });
    server.listen({ path: address, exclusive: true }, () => {
      server.removeAllListeners('error');
      server.on('error', () => {});
      // The lock must not keep a finished process alive; the kernel frees it at exit anyway.
      server.unref();
      resolve(server);
    });
  });
}

function stopListening(server: Server, address: string, folder: string): Promise<void> {
  // The file first: while the socket is held, the file is the holder's.
  removeFile(join(folder, HOLDER_FILE));
  return new Promise((resolve) => {
    server.close(() => resolve());
    if (isSocketFile(address)) removeFile(address);
  });
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (a waiter removed a dead holder's socket, or the folder is read-only).
  }
}

/**
 * Asks the holder who it is: its JSON line, 'gone' when nobody listens
 * (refused: only a socket file can be left by a dead process), or
 * 'unknown' when it does not answer in time or answers nonsense.
 */
function askHolder(address: string, timeoutMs: number): Promise<FolderHolder | 'gone' | 'unknown'> {
  return new Promise((resolve) => {
    let text = '';
    const socket = createConnection({ path: address });
    const done = (answer: FolderHolder | 'gone' | 'unknown') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done('unknown'), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (piece: string) => {
      text += piece;
      const end = text.indexOf('\n');
      if (end >= 0) done(parseHolder(text.slice(0, end)));
      else if (text.length > 4096) done('unknown');
    });
    socket.on('end', () => done(parseHolder(text)));
    socket.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? 'gone' : 'unknown'));
  });
}

function parseHolder(line: string): FolderHolder | 'unknown' {
  try {
    const v = JSON.parse(line) as Partial<FolderHolder>;
    if (typeof v.pid !== 'number' || typeof v.name !== 'string' || typeof v.command !== 'string' || typeof v.since !== 'string') return 'unknown';
    return { pid: v.pid, name: v.name, command: v.command, since: v.since, ...(typeof v.url === 'string' ? { url: v.url } : {}) };
  } catch {
    return 'unknown';
  }
}

import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdirSync, openSync, readdirSync, lstatSync, rmSync, truncateSync, writeFileSync, writeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { kezek, startKezek, type CliResult } from '../support/cli.js';
import { copyHome, newHome, pgdata } from '../support/embedded-homes.js';
import { tempDir } from '../support/run-helpers.js';

/**
 * An embedded folder that cannot be opened says why (permissions, read-only,
 * disk full, damaged), with its path, in one line and quickly; and the folder
 * and its files are private.
 */
const IS_ROOT = process.getuid?.() === 0;

/** Whether this process may mount a tmpfs (root in CI; not in most sandboxes). */
function canMount(): boolean {
  if (!IS_ROOT) return false;
  const dir = tempDir('kezek-mnt-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const MOUNTABLE = canMount();
const NO_MOUNT = MOUNTABLE ? '' : ' [SKIPPED: needs root and permission to mount a tmpfs]';
if (!MOUNTABLE) console.warn(`embedded-folder tests: read-only and full-disk cases skipped${NO_MOUNT}`);

/** Root ignores file modes, so the case runs as nobody: only where nobody can read the program itself (not in a private checkout). */
function nobodyCanRun(): boolean {
  if (!IS_ROOT) return false;
  try {
    execFileSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js'))}, 4)`], { uid: 65534, gid: 65534, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const NOBODY_CAN_RUN = nobodyCanRun();

const mounts: string[] = [];
function mountTmpfs(size: string): string {
  const dir = tempDir('kezek-mnt-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Fills the file system holding `dir` to the last byte. */
function fill(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  // The last partial megabyte too.
  const small = openSync(join(dir, 'filler-tail'), 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(4096));
  } catch {
    // full
  } finally {
    closeSync(small);
  }
}

let home: string;

beforeAll(async () => {
  home = await newHome();
});

afterAll(() => {
  for (const dir of mounts.reverse()) {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
});

/** A command on the folder, timed; kezek() itself gives up after 120 s. */
function openIn(dataDir: string, args = ['position', 'APP-NONE']): CliResult & { ms: number } {
  const t = Date.now();
  const r = kezek([...args, '--data-dir', dataDir]);
  return { ...r, ms: Date.now() - t };
}

async function openInAsync(dataDir: string, args = ['position', 'APP-NONE']): Promise<CliResult & { ms: number }> {
  const t = Date.now();
  const r = await startKezek([...args, '--data-dir', dataDir]).done;
  return { ...r, ms: Date.now() - t };
}

function expectOpenError(r: CliResult & { ms: number }, folder: string, why: string | RegExp): void {
  expect(r.code).toBe(1);
  const text = r.stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  const prefix = `kezek: cannot open the embedded database in ${folder}: `;
  expect(text.startsWith(prefix), text).toBe(true);
  if (typeof why === 'string') expect(text.slice(prefix.length)).toBe(why);
  else expect(text.slice(prefix.length)).toMatch(why);
  // Never a hang: a broken folder is refused about as fast as a good one opens.
  expect(r.ms).toBeLessThan(30_000);
}

function modes(folder: string): { dirs: Map<string, number>; files: Map<string, number> } {
  const dirs = new Map<string, number>();
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    dirs.set(dir, lstatSync(dir).mode & 0o7777);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.set(p, lstatSync(p).mode & 0o7777);
    }
  };
  walk(folder);
  return { dirs, files };
}

function expectPrivate(folder: string): void {
  const { dirs, files } = modes(folder);
  expect(files.size).toBeGreaterThan(500); // the walk saw the whole database
  expect([...dirs].filter(([, m]) => m !== 0o700)).toEqual([]);
  expect([...files].filter(([, m]) => m !== 0o600)).toEqual([]);
}

describe('the embedded folder is private', () => {
  it('a new folder is 0700 from the first open on, and its files 0600 once closed', async () => {
    const fresh = pgdata(tempDir('kezek-home-'));
    const db = await openDatabase({ dataDir: fresh, loadDataDir: new Blob([readFileSync(inject('embeddedTemplate'))]) });
    try {
      // While open, PGlite's new files may be 0666 (and its new folders 0755): the 0700 folder keeps others out.
      expect(lstatSync(fresh).mode & 0o7777).toBe(0o700);
    } finally {
      await db.close();
    }
    expectPrivate(fresh);
  });

  it('an existing folder with open modes (PGlite makes its files 0666) is made private when opened', async () => {
    const open = copyHome(home);
    const { dirs, files } = modes(pgdata(open));
    for (const d of dirs.keys()) chmodSync(d, 0o777);
    for (const f of files.keys()) chmodSync(f, 0o666);
    const db = await openDatabase({ dataDir: pgdata(open) });
    // Before PGlite started: every file and folder there before the open is private already.
    const { dirs: openDirs, files: openFiles } = modes(pgdata(open));
    expect([...openDirs].filter(([d, m]) => dirs.has(d) && m !== 0o700)).toEqual([]);
    expect([...openFiles].filter(([f, m]) => files.has(f) && m !== 0o600)).toEqual([]);
    await db.close();
    expectPrivate(pgdata(open));
  });
});

describe('a folder that cannot be opened says why, with its path, at once', () => {
  it('global/pg_control truncated or zeroed: damaged (a changed byte: see tests/db/pg-control.test.ts)', async () => {
    const cases: [(file: string) => void, string][] = [
      [(f) => truncateSync(f, 100), 'global/pg_control is 100 bytes instead of 8192 (truncated or overwritten)'],
      [(f) => writeFileSync(f, Buffer.alloc(8192)), 'global/pg_control is all zeros'],
    ];
    // Both at once: each is its own process and folder.
    await Promise.all(
      cases.map(async ([damage, said]) => {
        const broken = copyHome(home);
        damage(join(pgdata(broken), 'global', 'pg_control'));
        expectOpenError(await openInAsync(broken), pgdata(broken), `it is damaged: ${said}; restore the folder from a backup`);
      }),
    );
  });

  it('its write-ahead log gone: damaged, in PostgreSQL’s words', () => {
    const broken = copyHome(home);
    const wal = join(pgdata(broken), 'pg_wal');
    for (const f of readdirSync(wal)) if (/^[0-9A-F]{24}$/.test(f)) rmSync(join(wal, f));
    expectOpenError(openIn(broken), pgdata(broken), /^it is damaged: PostgreSQL says "could not locate a valid checkpoint record at [0-9A-F/]+"; restore the folder from a backup$/);
  });

  it.skipIf(IS_ROOT && !NOBODY_CAN_RUN)(`not this user’s folder: permission denied${IS_ROOT ? (NOBODY_CAN_RUN ? ' (run as nobody)' : ' [SKIPPED: user nobody cannot read the program here (a private checkout folder)]') : ''}`, () => {
    const theirs = copyHome(home);
    chmodSync(theirs, 0o755);
    let r: CliResult & { ms: number };
    if (IS_ROOT) {
      const t = Date.now();
      const out = execFileSyncResult(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'kezek.js'), 'position', 'APP-NONE', '--data-dir', theirs], 65534);
      r = { ...out, ms: Date.now() - t };
    } else {
      chmodSync(pgdata(theirs), 0o000);
      r = openIn(theirs);
      chmodSync(pgdata(theirs), 0o700);
    }
    expectOpenError(r, pgdata(theirs), 'permission denied: the folder or its files are not writable by this user');
  });

  it.skipIf(!MOUNTABLE)(`on a read-only file system: read-only${NO_MOUNT}`, () => {
    const mnt = mountTmpfs('64m');
    const there = join(mnt, 'home');
    cpSync(home, there, { recursive: true });
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    expectOpenError(openIn(there), pgdata(there), 'it is on a read-only file system');
  });

  it.skipIf(!MOUNTABLE)(`a full disk, for an existing folder and a new one: disk full${NO_MOUNT}`, async () => {
    const mnt = mountTmpfs('64m');
    const there = join(mnt, 'home');
    cpSync(home, there, { recursive: true });
    fill(mnt);
    // A new database (initdb) on a disk too small for it.
    const tiny = mountTmpfs('4m');
    const fresh = join(tiny, 'home');
    mkdirSync(fresh);
    const [existing, created] = await Promise.all([openInAsync(there), openInAsync(fresh)]);
    expectOpenError(existing, pgdata(there), 'the disk is full (0 KiB free on its file system)');
    expectOpenError(created, pgdata(fresh), /^the disk is full \(\d+ KiB free on its file system\)$/);
  });

  it.skipIf(!MOUNTABLE)(`the disk filling up during an import: one line naming the folder${NO_MOUNT}`, () => {
    const mnt = mountTmpfs('42m');
    const there = join(mnt, 'home');
    cpSync(home, there, { recursive: true });
    const data = tempDir('kezek-full-data-');
    // Names within the import's 500-character limit, many of them.
    const line = (i: number) => JSON.stringify({ id: `D-${i}`, name: 'x'.repeat(450), region: 'R'.repeat(450) });
    writeFileSync(join(data, 'districts.ndjson'), Array.from({ length: 12000 }, (_, i) => line(i)).join('\n') + '\n');
    const r = openIn(there, ['import', data]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^kezek: the embedded database in ${pgdata(there)} ran out of disk space \\(.* free on its file system\\): .*No space left on device`));
  });
});

/** Runs a command as another user (root only). */
function execFileSyncResult(file: string, args: string[], uid: number): CliResult {
  try {
    const stdout = execFileSync(file, args, { uid, gid: uid, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '', HOME: '/tmp' }, timeout: 120_000 });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number | null; stdout: string; stderr: string };
    return { code: err.status ?? -1, stdout: err.stdout, stderr: err.stderr };
  }
}

import { existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderHolder, HOLDER_FILE, lockAddress, lockFolder } from '../../src/db/folder-lock.js';
import { openDatabase } from '../../src/db/open.js';
import { writeDataset } from '../../src/demo/write.js';
import { makeIin } from '../../src/domain/iin.js';
import { DatabaseBusyError, type FolderHolder } from '../../src/errors.js';
import { startKezek, type RunningCli } from '../support/cli.js';
import { copyHome, inHome, newHome, pgdata } from '../support/embedded-homes.js';
import { allocate, importData, readRunFolder, tempDir, type RunFiles } from '../support/run-helpers.js';

/**
 * Several real kezek processes on one embedded folder: one at a time, the
 * others wait or stop with DATABASE_BUSY naming the holder; a holder killed
 * with SIGKILL leaves no lock behind and the date re-runs to the same files.
 */
const NIGHT1 = '2026-09-01';
const NIGHT2 = '2026-09-08';

const DISTRICTS = 12;

let dataDir: string;
/** Imported and allocated for NIGHT1; every test works on a copy. */
let prepared: string;
/** NIGHT2 allocated on a copy of `prepared` without interruption, in this process: what every run of NIGHT2 must write. */
let reference: RunFiles;

beforeAll(async () => {
  dataDir = tempDir('kezek-lock-data-');
  await writeDataset(dataDir, { seed: 5, date: NIGHT1, districts: DISTRICTS, kindergartensPerDistrict: 3, applications: 3600, seats: 700, badLines: false });
  prepared = await newHome(async (db) => {
    await importData(db, dataDir);
    await allocate(db, NIGHT1);
  });
  reference = await inHome(copyHome(prepared), (db) => allocate(db, NIGHT2));
}, 120_000);

/** A run folder equals the uninterrupted run's: the three NDJSON files byte for byte, the summary but for timings. */
function expectReference(dir: string): void {
  const got = readRunFolder(dir);
  expect(got.referrals).toBe(reference.referrals);
  expect(got.queue).toBe(reference.queue);
  expect(got.refusals).toBe(reference.refusals);
  expect(got.summary.inputHash).toBe(reference.summary.inputHash);
  expect(got.summary.totals).toEqual(reference.summary.totals);
  expect(reference.referrals.length).toBeGreaterThan(0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `pid` holds the folder (asked the way a waiting kezek asks). */
async function heldBy(folder: string, pid: number, timeoutMs = 30_000): Promise<FolderHolder> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const h = await folderHolder(folder).catch(() => undefined);
    if (h?.pid === pid) return h;
    await sleep(20);
  }
  throw new Error(`process ${pid} never took ${folder}`);
}

/** The time of a pino log line with this message. */
function logTime(stderr: string, msg: string): number {
  const line = stderr.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
  if (!line) throw new Error(`no "${msg}" in the log:\n${stderr}`);
  return (JSON.parse(line) as { time: number }).time;
}

/** One line, `kezek: …`, no stack trace. */
function oneLine(stderr: string): string {
  const text = stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  return text;
}

function applicationFile(dir: string, i: number): { id: string; file: string } {
  const kg = JSON.parse(readFileSync(join(dataDir, 'kindergartens.ndjson'), 'utf8').split('\n')[0]!) as { id: string; district: string };
  const birthDate = `2023-0${1 + i}-1${i}`;
  const id = `APP-LOCK-${i}`;
  const file = join(dir, `${id}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      id,
      child: { iin: makeIin(birthDate, 'female', 9100 + i), birthDate },
      applicant: { iin: makeIin('1991-04-04', 'male', 9200 + i) },
      district: kg.district,
      registeredAt: '2026-09-07T10:00:00+05:00',
      channel: 'office',
      preferences: [kg.id],
      acceptAnyInDistrict: false,
      language: 'kk',
      groupType: 'general',
      desiredFrom: '2026-01-01',
      rights: [],
    }),
  );
  return { id, file };
}

describe('the folder lock (in this process)', () => {
  it('a second taker is refused with DATABASE_BUSY naming the holder; it gets the folder once the holder lets go', async () => {
    const folder = tempDir('kezek-lock-');
    const first = await lockFolder(folder, { waitMs: 0, owner: { name: 'allocate', command: 'kezek allocate --date 2026-09-01' } });
    const t = Date.now();
    const refused = await lockFolder(folder, { waitMs: 300, owner: { name: 'register', command: 'kezek register a.json' } }).catch((e: unknown) => e);
    expect(Date.now() - t).toBeGreaterThanOrEqual(300);
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    const busy = refused as DatabaseBusyError;
    expect(busy.code).toBe('DATABASE_BUSY');
    expect(busy.exitCode).toBe(1);
    expect(busy.details.holder).toEqual({ pid: process.pid, name: 'allocate', command: 'kezek allocate --date 2026-09-01', since: first.holder.since });
    expect(busy.message).toBe(
      `the embedded database ${folder} is in use by process ${process.pid} (kezek allocate --date 2026-09-01, since ${first.holder.since}); waited 0.3 s (--wait), try again when it has finished`,
    );
    // A waiter gets it as soon as the holder lets go.
    setTimeout(() => void first.release(), 200);
    const second = await lockFolder(folder, { waitMs: 5000, owner: { name: 'register', command: 'kezek register a.json' } });
    expect(second.holder.name).toBe('register');
    expect((await folderHolder(folder))?.command).toBe('kezek register a.json');
    await second.release();
    expect(await folderHolder(folder)).toBeUndefined();
  });

  it('the holder answers on its socket (without its file), and names itself in the file for when it is busy', async () => {
    const folder = tempDir('kezek-lock-');
    const lock = await lockFolder(folder, { waitMs: 0, owner: { name: 'serve', command: 'kezek serve', url: 'http://127.0.0.1:8080' } });
    expect(JSON.parse(readFileSync(join(folder, HOLDER_FILE), 'utf8'))).toEqual(lock.holder);
    unlinkSync(join(folder, HOLDER_FILE));
    expect(await folderHolder(folder)).toEqual(lock.holder);
    const refused = (await lockFolder(folder, { waitMs: 0, owner: { name: 'allocate', command: 'kezek allocate' } }).catch((e: unknown) => e)) as Error;
    expect(refused.message).toBe(
      `the embedded database ${folder} is held by kezek serve (process ${process.pid}, since ${lock.holder.since}): use the server at http://127.0.0.1:8080 instead, or stop it first`,
    );
    await lock.release();
  });

  it('is one lock per folder, however the folder is named (symlink, relative path), and none between two folders', async () => {
    const base = tempDir('kezek-lock-');
    const folder = join(base, 'pgdata');
    mkdirSync(folder);
    symlinkSync(folder, join(base, 'link'));
    expect(lockAddress(join(base, 'link'))).toBe(lockAddress(folder));
    expect(lockAddress(join(base, 'link', '..', 'pgdata'))).toBe(lockAddress(folder));
    const other = tempDir('kezek-lock-');
    expect(lockAddress(other)).not.toBe(lockAddress(folder));
    if (process.platform === 'linux') expect(lockAddress(folder)).toMatch(/^\0kezek-[0-9a-f]{32}$/);
    const lock = await lockFolder(folder, { waitMs: 0, owner: { name: 'a', command: 'kezek a' } });
    await expect(lockFolder(join(base, 'link'), { waitMs: 0, owner: { name: 'b', command: 'kezek b' } })).rejects.toThrow(/in use by process/);
    const elsewhere = await lockFolder(other, { waitMs: 0, owner: { name: 'c', command: 'kezek c' } });
    await elsewhere.release();
    await lock.release();
  });

  it('openDatabase holds the folder while open (a second open waits, then is refused) and lets go when closed', async () => {
    // (memory:// takes no lock: the other suites open many in-memory databases at once in one process.)
    const home = await newHome();
    const db = await openDatabase({ dataDir: pgdata(home), owner: { name: 'test', command: 'kezek test' } });
    try {
      await expect(openDatabase({ dataDir: pgdata(home), lockWaitMs: 200 })).rejects.toThrow(/is in use by process \d+ \(kezek test, since /);
    } finally {
      await db.close();
    }
    expect(await folderHolder(pgdata(home))).toBeUndefined();
    const again = await openDatabase({ dataDir: pgdata(home), lockWaitMs: 0 });
    await again.close();
  });
});

describe('several kezek processes on one embedded folder', () => {
  const running: RunningCli[] = [];
  const start = (args: string[]) => {
    const p = startKezek(args);
    running.push(p);
    return p;
  };
  afterAll(() => {
    for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  });

  it('two `kezek allocate` of one date: one runs; the other stops with DATABASE_BUSY naming it, or waits and then reads the run back', async () => {
    const home = copyHome(prepared);
    const outA = join(tempDir(), 'a');
    const a = start(['allocate', '--date', NIGHT2, '--out', outA, '--data-dir', home, '--log-level', 'info']);
    const holder = await heldBy(pgdata(home), a.child.pid!);
    expect(holder.command).toBe(`kezek allocate --date ${NIGHT2} --out ${outA} --data-dir ${home} --log-level info`);
    // Frozen while it holds the folder, so the others surely meet it there (and it cannot answer: its file names it).
    a.child.kill('SIGSTOP');
    const b = start(['allocate', '--date', NIGHT2, '--out', join(tempDir(), 'b'), '--data-dir', home, '--wait', '0']);
    const outC = join(tempDir(), 'c');
    const c = start(['allocate', '--date', NIGHT2, '--out', outC, '--data-dir', home, '--wait', '60', '--log-level', 'info']);
    const endB = await b.done;
    expect(endB.code).toBe(1);
    expect(oneLine(endB.stderr)).toBe(
      `kezek: the embedded database ${pgdata(home)} is in use by process ${a.child.pid} (${holder.command}, since ${holder.since}); waited 0 s (--wait), try again when it has finished`,
    );
    expect(endB.stdout).toBe('');
    await sleep(500);
    expect(c.child.exitCode).toBeNull(); // still waiting
    a.child.kill('SIGCONT');
    const [endA, endC] = await Promise.all([a.done, c.done]);
    expect(endA.code).toBe(0);
    expect(endC.code).toBe(0);
    // One at a time: A to the end, then C (which found every district done and read them back).
    expect(logTime(endC.stderr, 'run started')).toBeGreaterThanOrEqual(logTime(endA.stderr, 'run finished'));
    expect(readRunFolder(outC).summary.districts.every((d) => d.resumed)).toBe(true);
    expectReference(outA);
    expectReference(outC);
    await inHome(home, async (db) => {
      expect(await db.query(`select application_id from referrals where status in ('offered','confirmed') group by application_id having count(*) > 1`)).toEqual([]);
      expect(await db.query<{ n: number }>(`select count(*)::int as n from run_districts where run_date = $1`, [NIGHT2])).toEqual([{ n: DISTRICTS }]);
    });
  }, 90_000);

  it('five `kezek register` during an `allocate`: each waits and succeeds or is refused with DATABASE_BUSY; nothing is lost; the folder opens afterwards', async () => {
    const home = copyHome(prepared);
    const files = tempDir('kezek-apps-');
    const a = start(['allocate', '--date', NIGHT2, '--out', join(tempDir(), 'a'), '--data-dir', home]);
    const holder = await heldBy(pgdata(home), a.child.pid!);
    a.child.kill('SIGSTOP');
    const apps = [0, 1, 2, 3, 4].map((i) => applicationFile(files, i));
    // Two give up at once, three wait as long as it takes.
    const regs = apps.map(({ file }, i) => start(['register', file, '--date', NIGHT2, '--data-dir', home, '--wait', i < 2 ? '0' : '60']));
    const refusedEarly = await Promise.all(regs.slice(0, 2).map((r) => r.done));
    a.child.kill('SIGCONT');
    const ends = [...refusedEarly, ...(await Promise.all(regs.slice(2).map((r) => r.done)))];
    expect((await a.done).code).toBe(0);
    const stored: string[] = [];
    const refused: string[] = [];
    ends.forEach((end, i) => {
      if (end.code === 0) {
        expect(end.stdout).toMatch(/Notice of registration in the queue|Notice of refusal/);
        stored.push(apps[i]!.id);
      } else {
        expect(end.code).toBe(1);
        expect(oneLine(end.stderr)).toMatch(new RegExp(`^kezek: the embedded database .* is in use by process \\d+ \\(kezek (allocate|register) `));
        expect(end.stdout).toBe('');
        refused.push(apps[i]!.id);
      }
    });
    expect(oneLine(ends[0]!.stderr)).toContain(`in use by process ${a.child.pid} (${holder.command}, since ${holder.since})`);
    expect(refused).toEqual(apps.slice(0, 2).map((x) => x.id));
    expect(stored).toEqual(apps.slice(2).map((x) => x.id));
    // Every registration that printed a notice is in the database; the refused ones left nothing.
    await inHome(home, async (db) => {
      const rows = await db.query<{ id: string }>(`select id from applications where id like 'APP-LOCK-%' order by id`);
      expect(rows.map((r) => r.id)).toEqual(stored);
      const events = await db.query<{ n: number }>(`select count(*)::int as n from events where entity_id like 'APP-LOCK-%'`);
      expect(events[0]!.n).toBeGreaterThanOrEqual(stored.length);
    });
  }, 90_000);

  it('kill -9 of the holder mid-allocate: no lock is left, the folder opens, and re-running the date writes the same files as an uninterrupted run', async () => {
    const home = copyHome(prepared);
    const out = join(tempDir(), 'run');
    const run = start(['allocate', '--date', NIGHT2, '--out', out, '--data-dir', home, '--log-level', 'info']);
    // Stopped as soon as a district is done, then killed: in the middle of the run.
    while (!run.stderr().includes('"msg":"district allocated"') && run.child.exitCode === null) await sleep(2);
    run.child.kill('SIGSTOP');
    const districtsLogged = run.stderr().split('"msg":"district allocated"').length - 1;
    await heldBy(pgdata(home), run.child.pid!, 5000);
    run.child.kill('SIGKILL');
    const end = await run.done;
    expect(end.signal).toBe('SIGKILL');
    expect(districtsLogged).toBeLessThan(DISTRICTS);
    expect(existsSync(join(out, 'summary.json'))).toBe(false); // it did not finish
    // The kernel let go of the lock with the process: the next command gets it at once (no wait allowed).
    expect(await folderHolder(pgdata(home))).toBeUndefined();
    const last = await start(['allocate', '--date', NIGHT2, '--out', out, '--data-dir', home, '--wait', '0']).done;
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    expectReference(out);
  }, 120_000);
});

import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeDataset } from '../../src/demo/write.js';
import { POSTGRES_URL } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';
import { isRoot, kezekHere, oneLine, serverEnv, tmpfs } from './support.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kezek.js');
const DATE = '2026-09-01';
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('kezek-runsafe-');
  await writeDataset(dataDir, { seed: 12, date: DATE, districts: 3, kindergartensPerDistrict: 4, applications: 2400, seats: 300, badLines: false });
});

async function query<T extends pg.QueryResultRow>(env: Record<string, string>, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    await c.query(`set search_path to "${env.KEZEK_SCHEMA}"`);
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function imported(): Promise<Record<string, string>> {
  const env = serverEnv();
  const r = await kezekHere(['import', dataDir, '--rejects', join(tempDir(), 'rejects.ndjson')], env);
  if (r.code !== 0) throw new Error(r.stderr);
  return env;
}

const FILES = ['referrals.ndjson', 'queue.ndjson', 'refusals.ndjson'];

describe('a run folder that cannot be written stops the run before it takes its lock', () => {
  it('--out that is a file, or under a file: exit 2 with the path and the reason, and no run is left "running"', async () => {
    const env = await imported();
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'run')]) {
      const r = await kezekHere(['allocate', '--date', DATE, '--out', out], env);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(new RegExp(`cannot write the run folder ${out.replace(/[/.]/g, '\\$&')}: (ENOTDIR|EEXIST)`));
    }
    expect(await query(env, `select id from runs`)).toEqual([]);
  });

  it.skipIf(!isRoot)('--out on a read-only disk (root: a read-only tmpfs): exit 2 before anything is stored', async () => {
    const fs = tmpfs('1m');
    if (!fs) return expect.fail('tmpfs could not be mounted although running as root');
    try {
      fs.readOnly();
      const env = await imported();
      const r = await kezekHere(['allocate', '--date', DATE, '--out', join(fs.dir, 'run')], env);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/cannot write the run folder .*EROFS/);
      expect(await query(env, `select id from runs`)).toEqual([]);
      expect(await query(env, `select 1 from referrals`)).toEqual([]);
    } finally {
      fs.unmount();
    }
  });

  it('a symlink planted at OUT/summary.json or OUT/referrals.ndjson is replaced, its target untouched', async () => {
    const env = await imported();
    const out = tempDir('kezek-out-');
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(out, 'summary.json'));
    symlinkSync(victim, join(out, 'referrals.ndjson'));
    const r = await kezekHere(['allocate', '--date', DATE, '--out', out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).date).toBe(DATE);
    expect(readdirSync(out).sort()).toEqual(['audit.json', 'lapses.ndjson', 'queue.ndjson', 'referrals.ndjson', 'refusals.ndjson', 'report.en.html', 'report.html', 'report.ru.html', 'summary.json']);
  });

  it.skipIf(!isRoot)('a full disk mid-run: exit 1 saying how many districts were committed; re-running the date finishes it with the files of an uninterrupted run', async () => {
    const reference = await imported();
    const refOut = join(tempDir(), 'ref');
    expect((await kezekHere(['allocate', '--date', DATE, '--out', refOut], reference)).code).toBe(0);

    const env = await imported();
    const fs = tmpfs('48k');
    if (!fs) return expect.fail('tmpfs could not be mounted although running as root');
    try {
      const r = await kezekHere(['allocate', '--date', DATE, '--out', join(fs.dir, 'run')], env);
      expect(r.code).toBe(1);
      expect(oneLine(r)).toMatch(/cannot write the run folder .*: ENOSPC \(the disk is full\); [1-3] of 3 districts were committed before it and stay; run allocate for 2026-09-01 again to finish the run/);
      expect(readdirSync(join(fs.dir, 'run'))).toEqual([]);
      expect(await query(env, `select status from runs`)).toEqual([{ status: 'failed' }]);
    } finally {
      fs.unmount();
    }
    const out = join(tempDir(), 'again');
    const again = await kezekHere(['allocate', '--date', DATE, '--out', out], env);
    expect(again.code, again.stderr).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(refOut, f), 'utf8'));
  });
});

describe('runs exclude each other across dates (a night depends on the night before)', () => {
  it('a run of another date stops at once with RUN_LOCKED naming the date in progress, and leaves no run files', async () => {
    const env = await imported();
    // Hold the referrals table so the first run, once it has its lock, cannot finish before the second has tried.
    const blocker = new pg.Client({ connectionString: POSTGRES_URL });
    await blocker.connect();
    await blocker.query(`set search_path to "${env.KEZEK_SCHEMA}"`);
    await blocker.query('begin');
    await blocker.query('lock table referrals in exclusive mode');
    const a = spawn(process.execPath, [BIN, 'allocate', '--date', DATE, '--out', join(tempDir(), 'a')], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const aDone = new Promise<number | null>((resolve) => a.on('close', resolve));
    try {
      for (let i = 0; ; i++) {
        const rows = await query<{ run_date: string }>(env, `select run_date::text from runs where status = 'running'`);
        if (rows.length) break;
        if (i > 1500) throw new Error('the first run never started');
        await new Promise((r) => setTimeout(r, 20));
      }
      const outB = tempDir('kezek-b-');
      const t = Date.now();
      const b = await kezekHere(['allocate', '--date', '2026-09-02', '--out', outB], env);
      expect(Date.now() - t).toBeLessThan(15_000);
      expect(b.code).toBe(1);
      expect(oneLine(b)).toBe(
        'kezek: a run for 2026-09-01 is in progress in another process; runs exclude each other (a night depends on the night before): start 2026-09-02 when it has finished',
      );
      expect(readdirSync(outB)).toEqual([]);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    expect(await aDone).toBe(0);
    // Once it has finished, the next date runs.
    const next = await kezekHere(['allocate', '--date', '2026-09-02', '--out', join(tempDir(), 'c')], env);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(join(tempDir(), 'c'))).toBe(false);
  });
});

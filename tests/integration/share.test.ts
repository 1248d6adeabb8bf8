import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { kezekHere } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, newSchemaName } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';

const DATE = '2026-09-01';
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kezek.js');
const schemas: string[] = [];
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('kezek-share-');
  await writeDataset(dataDir, { seed: 23, date: DATE, districts: 8, kindergartensPerDistrict: 4, applications: 2400, seats: 500, badLines: false });
});
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

function envFor(): Record<string, string> {
  const schema = newSchemaName();
  schemas.push(schema);
  return { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
}

function start(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const files = (dir: string) => ['referrals.ndjson', 'queue.ndjson', 'refusals.ndjson'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('several processes on one date', () => {
  it('share one run with --share: each writes the same complete run folder as a single process', async () => {
    const alone = envFor();
    expect((await kezekHere(['import', dataDir], alone)).code).toBe(0);
    const single = join(tempDir(), 'single');
    expect((await kezekHere(['allocate', '--date', DATE, '--out', single], alone)).code).toBe(0);

    const shared = envFor();
    expect((await kezekHere(['import', dataDir], shared)).code).toBe(0);
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    const [ra, rb] = await Promise.all([
      start(['allocate', '--date', DATE, '--out', a, '--share', '--log-level', 'info'], shared),
      start(['allocate', '--date', DATE, '--out', b, '--share', '--log-level', 'info'], shared),
    ]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(files(a)).toEqual(files(single));
    expect(files(b)).toEqual(files(single));
    // Each district was allocated exactly once between the two.
    const allocated = (ra.stderr + rb.stderr).split('\n').filter((l) => l.includes('"district allocated"') && l.includes('"resumed":false')).length;
    expect(allocated).toBe(8);
  });

  it('without --share, a second process on the same date stops at once with RUN_LOCKED, and a shared run does not wait for it', async () => {
    const env = envFor();
    expect((await kezekHere(['import', dataDir], env)).code).toBe(0);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${env.KEZEK_SCHEMA}` });
    await client.connect();
    try {
      // Another process's run on this date (exclusive), then a shared one.
      await client.query(`select pg_advisory_lock(1802, hashtext(current_schema() || '/' || $1))`, [DATE]);
      const alone = await kezekHere(['allocate', '--date', DATE, '--out', tempDir()], env);
      expect(alone.code).toBe(1);
      expect(alone.stderr.trim()).toBe(`kezek: a run for ${DATE} is in progress in another process`);
      const sharing = await kezekHere(['allocate', '--date', DATE, '--out', tempDir(), '--share'], env);
      expect(sharing.code).toBe(1);
      expect(sharing.stderr.trim()).toBe(`kezek: a run for ${DATE} is in progress in another process (without --share)`);
      await client.query(`select pg_advisory_unlock(1802, hashtext(current_schema() || '/' || $1))`, [DATE]);
      await client.query(`select pg_advisory_lock_shared(1802, hashtext(current_schema() || '/' || $1))`, [DATE]);
      expect((await kezekHere(['allocate', '--date', DATE, '--out', tempDir()], env)).code).toBe(1);
      const joined = await kezekHere(['allocate', '--date', DATE, '--out', tempDir(), '--share'], env);
      expect(joined.code, joined.stderr).toBe(0);
      // A dry run locks nothing.
      expect((await kezekHere(['allocate', '--date', DATE, '--out', tempDir(), '--dry-run'], env)).code).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('a district held by another process is waited for under --share, then read back', async () => {
    const env = envFor();
    expect((await kezekHere(['import', dataDir], env)).code).toBe(0);
    const district = JSON.parse(readFileSync(join(dataDir, 'districts.ndjson'), 'utf8').split('\n')[0]!).id as string;
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${env.KEZEK_SCHEMA}` });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select pg_advisory_xact_lock(1801, hashtext(current_schema() || '/' || $1 || '/' || $2))`, [DATE, district]);
      const run = start(['allocate', '--date', DATE, '--out', join(tempDir(), 'r'), '--district', district, '--share'], env);
      await new Promise((r) => setTimeout(r, 3000));
      await client.query('rollback'); // the holder gave up without finishing: the waiting run takes the district
      const end = await run;
      expect(end.code, end.stderr).toBe(0);
    } finally {
      await client.end();
    }
  });
});

import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { kezekHere, startKezek } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, openTestDatabase } from '../support/databases.js';
import { importData, tempDir } from '../support/run-helpers.js';

const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

async function scenarioSchema(): Promise<{ schema: string; env: Record<string, string> }> {
  const { db, schema } = await openTestDatabase('postgres');
  schemas.push(schema);
  try {
    const dir = tempDir('kezek-runs-data-');
    writeScenario(dir);
    await importData(db, dir);
  } finally {
    await db.close();
  }
  return { schema, env: { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema, KEZEK_ACTOR: 'aigul' } };
}

async function withClient<T>(schema: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    await c.query(`set search_path to "${schema}"`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

interface Day {
  date: string;
  status: string;
  districts: { done: number; planned: number };
  resume: string | null;
  runs: { status: string; districtsCommitted: number }[];
}

describe('runs one can see', () => {
  it('on PostgreSQL: a live run is running, a killed one interrupted (exit 3, with the command that finishes it), and re-running the date finishes it', async () => {
    const { schema, env } = await scenarioSchema();
    const out = join(tempDir(), 'run');
    // Hold the referrals table so the run, once claimed and recorded, waits in its first district.
    const blocker = new pg.Client({ connectionString: POSTGRES_URL });
    await blocker.connect();
    await blocker.query(`set search_path to "${schema}"`);
    await blocker.query('begin');
    await blocker.query('lock table referrals in exclusive mode');
    const run = startKezek(['allocate', '--date', '2026-09-01', '--out', out], env);
    try {
      await until('the run is recorded', () => withClient(schema, async (c) => (await c.query(`select 1 from runs where status = 'running'`)).rows.length === 1));
      const live = await kezekHere(['runs', 'list', '--json'], env);
      expect(live.code, live.stderr).toBe(0);
      expect((JSON.parse(live.stdout) as Day[])[0]).toMatchObject({ date: '2026-09-01', status: 'running', resume: null });
      run.child.kill('SIGKILL');
      expect((await run.done).signal).toBe('SIGKILL');
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    // The killed client's server session lets go of its locks when it notices.
    await until('the run lock is free', () =>
      withClient(schema, async (c) => (await c.query(`select 1 from pg_locks where locktype = 'advisory' and classid = 1802 and granted`)).rows.length === 0),
    );
    const dead = await kezekHere(['runs', 'list', '--json'], env);
    expect(dead.code).toBe(3);
    const [day] = JSON.parse(dead.stdout) as Day[];
    expect(day).toMatchObject({ date: '2026-09-01', status: 'interrupted', districts: { done: 0, planned: 1 }, resume: `kezek allocate --date 2026-09-01 --out ${out}` });
    expect(dead.stderr).toContain(`kezek: attention: the run of 2026-09-01 is interrupted: kezek allocate --date 2026-09-01 --out ${out} finishes it`);
    const text = await kezekHere(['runs', 'list'], env);
    expect(text.stdout).toMatch(/2026-09-01\s+interrupted\s+0\/1/);

    const resumed = await kezekHere(day!.resume!.split(' ').slice(1), env);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = await kezekHere(['runs', 'show', '2026-09-01', '--json'], env);
    expect(after.code).toBe(0);
    const shown = JSON.parse(after.stdout) as Day & { summary: { totals: { referrals: number } } };
    expect(shown).toMatchObject({ status: 'done', districts: { done: 1, planned: 1 }, resume: null });
    // The killed run is kept as interrupted; the second one committed the district.
    expect(shown.runs.map((r) => [r.status, r.districtsCommitted])).toEqual([
      ['interrupted', 0],
      ['done', 1],
    ]);
    expect(shown.summary.totals.referrals).toBe(4);
    // The night's files from the database, as in the run folder, also as CSV for a spreadsheet.
    const referrals = await kezekHere(['runs', 'show', '2026-09-01', '--file', 'referrals'], env);
    expect(referrals.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { application: string }).application)).toEqual(['A4', 'A1', 'A2', 'A3']);
    const csv = await kezekHere(['runs', 'show', '2026-09-01', '--file', 'referrals', '--format', 'csv'], env);
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffreferral,application,district,birth_year,kindergarten,group,category,rights,preference_rank,issued_on,confirm_by',
      'R-20260901-D1-000001,A4,D1,2022,KG-1,G2022-kk-1,primary,large_family,1,2026-09-01,2026-09-03',
    ]);
  }, 120_000);

  it('on the embedded database: a run left running is interrupted when another process looks (it cannot be alive: the folder is one process)', async () => {
    const home = tempDir('kezek-runs-home-');
    const db = await openDatabase({ dataDir: join(home, 'pgdata') });
    await db.query(`insert into runs (id, run_date, rules_version, rules_hash, engine, options) values ('run-x', '2026-09-01', '2026.1', 'h', 'compiled', '{"out": "/srv/runs/2026-09-01", "planned": 3}')`);
    await db.close();
    const r = await kezekHere(['runs', 'list', '--json', '--data-dir', home]);
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as Day[])[0]).toMatchObject({ status: 'interrupted', districts: { done: 0, planned: 3 }, resume: 'kezek allocate --date 2026-09-01 --out /srv/runs/2026-09-01' });
  });
});

describe('migrations one controls, on PostgreSQL', () => {
  it('a schema one migration behind: every command refuses (exit 2), db status says which (exit 3), db migrate fixes it', async () => {
    const { schema, env } = await scenarioSchema();
    await withClient(schema, async (c) => {
      await c.query(`delete from schema_migrations where version = 9`);
      await c.query(`alter table district_lapses drop column lines`);
      await c.query(`alter table runs drop column summary`);
    });
    const refusal = 'kezek: schema is 1 migration behind: run `kezek db migrate` (pending: 009_lapse_lines_run_summary.sql)\n';
    for (const args of [['position', 'A1', '--date', '2026-09-01'], ['allocate', '--date', '2026-09-01', '--out', join(tempDir(), 'r')], ['runs', 'list']]) {
      const r = await kezekHere(args, env);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, refusal]);
    }
    // Nothing was migrated by them.
    expect(await withClient(schema, async (c) => (await c.query(`select 1 from schema_migrations where version = 9`)).rows.length)).toBe(0);
    const status = await kezekHere(['db', 'status'], env);
    expect(status.code).toBe(3);
    expect(status.stdout).toContain('1 pending');
    expect(status.stdout).toContain('  009_lapse_lines_run_summary.sql');
    const migrated = await kezekHere(['db', 'migrate'], env);
    expect([migrated.code, migrated.stderr]).toEqual([0, '']);
    expect(migrated.stdout).toMatch(/^Applied 009_lapse_lines_run_summary\.sql to the PostgreSQL server/);
    expect((await kezekHere(['db', 'status'], env)).code).toBe(0);
    expect((await kezekHere(['position', 'A1', '--date', '2026-09-01'], env)).code).toBe(0);
  }, 120_000);

  it('a migration that rewrites a table holding data says so, with its size, before it starts', async () => {
    const { schema, env } = await scenarioSchema();
    await withClient(schema, async (c) => {
      await c.query(`analyze applications`);
      await c.query(`delete from schema_migrations where version = 4`);
      await c.query(`drop index applications_district`);
      await c.query(`create index applications_district on applications (district_id)`);
    });
    const status = await kezekHere(['db', 'status', '--json'], env);
    const pending = (JSON.parse(status.stdout) as { pending: { name: string; rewrites: { table: string; rows: number }[] }[] }).pending;
    expect(pending).toEqual([{ version: 4, name: '004_district_queue_order.sql', rewrites: [expect.objectContaining({ table: 'applications', rows: 7 })] }]);
    const migrated = await kezekHere(['db', 'migrate'], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toMatch(/^kezek: migration 004_district_queue_order\.sql rewrites applications \(about 7 rows, [\d.]+ kB\): it is locked until it finishes; run it outside the nightly window\.\n$/);
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { POSTGRES_URL, dropSchema, openTestDatabase } from '../support/databases.js';
import { allocate, comparableRun as stripVolatile, importData, tempDir } from '../support/run-helpers.js';

/**
 * Real processes on the real PostgreSQL: `kezek allocate` killed with
 * SIGKILL at random moments, then re-run; and two runs of the same date at once.
 */
const NIGHT1 = '2026-09-01';
// Tue 8 Sep: every offer of night 1 (due Thu 3 Sep) lapses in step 1, and its seat is offered again.
const NIGHT2 = '2026-09-08';
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kezek.js');

let dataDir: string;
const schemas: string[] = [];

async function preparedSchema(): Promise<string> {
  const { db, schema } = await openTestDatabase('postgres');
  schemas.push(schema);
  try {
    await importData(db, dataDir);
    await allocate(db, NIGHT1);
  } finally {
    await db.close();
  }
  return schema;
}

function start(schema: string, args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
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

/** A killed client's backend may hold its transaction a moment longer: wait until the date's district locks are free. */
async function waitUntilUnlocked(schema: string, date: string): Promise<void> {
  await withClient(schema, async (c) => {
    for (let i = 0; i < 500; i++) {
      const { rows } = await c.query(
        `select 1 from pg_locks where locktype = 'advisory' and classid = 1801
            and objid::text::bigint in (select hashtext(current_schema() || '/' || $1 || '/' || id)::bigint & 4294967295 from districts)`,
        [date],
      );
      if (rows.length === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('district locks still held 10 s after the kill');
  });
}

/** The invariants that must hold whenever no run is in flight. */
async function checkInvariants(schema: string, originalSeats: Map<string, number>): Promise<{ done: number }> {
  return withClient(schema, async (c) => {
    const twoLive = await c.query(`select application_id from referrals where status in ('offered','confirmed') group by application_id having count(*) > 1`);
    expect(twoLive.rows).toEqual([]);
    const groups = await c.query<{ key: string; seats: number; live: number }>(
      `select p.kindergarten_id || '/' || p.group_id as key, p.seats,
              (select count(*)::int from referrals r where r.kindergarten_id = p.kindergarten_id and r.group_id = p.group_id
                  and r.status in ('offered','confirmed')) as live
         from places p`,
    );
    // The reported seats never change in a run; the live referrals never exceed them.
    for (const g of groups.rows) {
      expect(g.seats - g.live, `group ${g.key}`).toBeGreaterThanOrEqual(0);
      expect(g.seats, `group ${g.key}`).toBe(originalSeats.get(g.key));
    }
    // Every district of NIGHT2 is either fully done (ledger, lapse record, referrals) or untouched.
    const per = await c.query<{ id: string; ledger: number; lapses: number; refs: number; expected: number | null; queue: number; events: number }>(
      `select d.id,
              (select count(*)::int from run_districts x where x.run_date = $1 and x.district_id = d.id) as ledger,
              (select count(*)::int from district_lapses x where x.run_date = $1 and x.district_id = d.id) as lapses,
              (select count(*)::int from referrals x where x.run_date = $1 and x.district_id = d.id) as refs,
              (select (counts->>'referrals')::int from run_districts x where x.run_date = $1 and x.district_id = d.id) as expected,
              (select count(*)::int from queue_numbers x where x.run_date = $1 and x.district_id = d.id) as queue,
              (select count(*)::int from events e join referrals r on r.id = e.entity_id
                 where e.entity = 'referral' and e.effective_on = $1 and r.district_id = d.id) as events
         from districts d order by d.id`,
      [NIGHT2],
    );
    let done = 0;
    for (const d of per.rows) {
      if (d.ledger === 1) {
        done++;
        expect(d.lapses, d.id).toBe(1);
        expect(d.refs, d.id).toBe(d.expected);
        expect(d.events, d.id).toBeGreaterThan(0);
      } else {
        expect({ id: d.id, lapses: d.lapses, refs: d.refs, queue: d.queue, events: d.events }).toEqual({ id: d.id, lapses: 0, refs: 0, queue: 0, events: 0 });
      }
    }
    return { done };
  });
}

beforeAll(async () => {
  dataDir = tempDir('kezek-crash-data-');
  await writeDataset(dataDir, { seed: 5, date: NIGHT1, districts: 6, kindergartensPerDistrict: 6, applications: 12000, seats: 2400, badLines: false });
}, 120_000);

afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

describe('crash-safe, repeatable runs on PostgreSQL', () => {
  it('SIGKILLed at random moments, then re-run: districts all-or-nothing, and the same result as an uninterrupted run', async () => {
    const reference = await preparedSchema();
    const crashed = await preparedSchema();
    const refOut = join(tempDir(), 'run');
    const ref = start(reference, ['allocate', '--date', NIGHT2, '--out', refOut]);
    const t0 = Date.now();
    expect((await ref.done).code).toBe(0);
    const runMs = Date.now() - t0;

    const originalSeats = await withClient(crashed, async (c) => {
      const rows = await c.query<{ key: string; seats: number }>(`select p.kindergarten_id || '/' || p.group_id as key, p.seats from places p`);
      return new Map(rows.rows.map((r) => [r.key, r.seats]));
    });
    const out = join(tempDir(), 'run');
    let killedMidway = 0;
    const progress: number[] = [];
    for (let i = 0; i < 4; i++) {
      const run = start(crashed, ['allocate', '--date', NIGHT2, '--out', out, '--workers', String(1 + (i % 2))]);
      const delay = 200 + Math.floor(Math.random() * Math.max(300, runMs - 200));
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      const end = await run.done;
      if (end.signal === 'SIGKILL') killedMidway++;
      await waitUntilUnlocked(crashed, NIGHT2);
      const { done } = await checkInvariants(crashed, originalSeats);
      progress.push(done);
    }
    const last = start(crashed, ['allocate', '--date', NIGHT2, '--out', out]);
    expect((await last.done).code).toBe(0);
    expect((await checkInvariants(crashed, originalSeats)).done).toBe(6);
    expect(killedMidway).toBeGreaterThan(0);
    console.log(`crash test: run ${runMs} ms, districts done after each kill: ${progress.join(', ')}`);
    expect(progress.every((d, i) => d >= (progress[i - 1] ?? 0))).toBe(true);
    expect(stripVolatile(out)).toEqual(stripVolatile(refOut));
    // The final database state agrees too, referral by referral and application by application.
    const state = (schema: string) =>
      withClient(schema, async (c) => ({
        referrals: (await c.query(`select id, application_id, status, group_id, confirm_by::text from referrals order by id`)).rows,
        applications: (await c.query(`select id, status, inactive_since::text from applications order by id`)).rows,
        seats: (await c.query(`select kindergarten_id, group_id, seats from places order by 1, 2`)).rows,
      }));
    expect(await state(crashed)).toEqual(await state(reference));
  }, 240_000);

  it('two runs of the same date at once: one proceeds, the other stops at once with RUN_LOCKED', async () => {
    const schema = await preparedSchema();
    const outA = join(tempDir(), 'a');
    // Hold the referrals table so A, once it has its run lock, cannot finish before B has tried.
    const blocker = new pg.Client({ connectionString: POSTGRES_URL });
    await blocker.connect();
    await blocker.query(`set search_path to "${schema}"`);
    await blocker.query('begin');
    await blocker.query('lock table referrals in exclusive mode');
    const a = start(schema, ['allocate', '--date', NIGHT2, '--out', outA]);
    try {
      await withClient(schema, async (c) => {
        for (let i = 0; i < 3000; i++) {
          const { rows } = await c.query(
            `select 1 from pg_locks where locktype = 'advisory' and classid = 1802 and granted
                and objid::text::bigint = (hashtext(current_schema() || '/' || $1)::bigint & 4294967295)`,
            [NIGHT2],
          );
          if (rows.length) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error('the first run never took the run lock');
      });
    } catch (e) {
      await blocker.end();
      throw e;
    }
    const t = Date.now();
    const b = start(schema, ['allocate', '--date', NIGHT2, '--out', join(tempDir(), 'b')]);
    const endB = await b.done;
    const bMs = Date.now() - t;
    await blocker.query('rollback');
    await blocker.end();
    const endA = await a.done;
    expect(endA.code).toBe(0);
    expect(endB.code).toBe(1);
    expect(endB.stderr.trim()).toBe('kezek: a run for 2026-09-08 is in progress in another process');
    expect(endA.signal).toBeNull();
    expect(bMs).toBeLessThan(15_000); // start-up included; B does not wait for A
    // B changed nothing: a re-run afterwards reads every district back and writes the same files.
    const outC = join(tempDir(), 'c');
    expect((await start(schema, ['allocate', '--date', NIGHT2, '--out', outC]).done).code).toBe(0);
    expect(stripVolatile(outC)).toEqual(stripVolatile(outA));
    await withClient(schema, async (c) => {
      const dup = await c.query(`select application_id from referrals where status in ('offered','confirmed') group by application_id having count(*) > 1`);
      expect(dup.rows).toEqual([]);
    });
  }, 180_000);
});
